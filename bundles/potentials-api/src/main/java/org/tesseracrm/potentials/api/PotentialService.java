package org.tesseracrm.potentials.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.platform.api.RecordService;

/** The potentials of the CRM: records, stage history, reopening and the pipeline. */
@ProviderType
public interface PotentialService extends RecordService<Potential> {

    /** Every stage the potential went through, oldest first. */
    List<StageChange> history(String id);

    /** Reopens a closed potential at {@code stage} (an open stage; null: the last open stage it had). */
    Potential reopen(String id, PotentialStage stage, String user);

    Pipeline pipeline(PipelineQuery query);
}
