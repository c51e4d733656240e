package ${package};

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.leads.api.Lead;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.spi.RecordChange;
import org.tesseracrm.platform.api.spi.RecordListener;

/**
 * A record listener: a lead must give a way to reach it. Refused leads get a 422 with this message
 * and nothing is written; every committed lead is seen after commit.
 */
@Component(property = RecordListener.MODULES + "=leads")
public class ReachableLeads implements RecordListener {
    static final String MESSAGE = "a lead needs an email address or a phone number";

    @Override
    public void beforeCommit(RecordChange change, List<FieldError> errors) {
        if (change.record instanceof Lead && !"DELETED".equals(change.action)) {
            Lead lead = (Lead) change.record;
            if (blank(lead.email) && blank(lead.phone) && blank(lead.mobile)) {
                errors.add(new FieldError("email", MESSAGE));
            }
        }
    }

    @Override
    public void afterCommit(RecordChange change) {
        // React to committed changes here: notify another system, queue a task, …
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
