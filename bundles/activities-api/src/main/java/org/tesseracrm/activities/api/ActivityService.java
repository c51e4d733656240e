package org.tesseracrm.activities.api;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.platform.api.RecordService;

/** The activities of the CRM: tasks, calls and meetings. */
@ProviderType
public interface ActivityService extends RecordService<Activity> {
    /** Marks it done; for a recurring one, the next occurrence is planned. Answers the activity as it now is. */
    Activity complete(String id, String user);

    /** Opens a done or cancelled activity again. */
    Activity reopen(String id, String user);
}
