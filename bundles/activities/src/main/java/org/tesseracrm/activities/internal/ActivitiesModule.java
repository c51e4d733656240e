package org.tesseracrm.activities.internal;

import static org.tesseracrm.platform.api.spi.FieldDescriptor.enumField;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.field;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.reference;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.activities.api.ActivityKind;
import org.tesseracrm.activities.api.ActivityPriority;
import org.tesseracrm.activities.api.ActivityStatus;
import org.tesseracrm.activities.api.CallDirection;
import org.tesseracrm.activities.api.Recurrence;
import org.tesseracrm.platform.api.spi.ActionDescriptor;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;

/** What the activities module is, for /api/v1/modules and the record machinery. */
@Component(service = ModuleDescriptor.class, property = "tessera.module=activities")
public class ActivitiesModule implements ModuleDescriptor {
    private static final List<FieldDescriptor> FIELDS = List.of(
            enumField("kind", ActivityKind.class).required().filterable().sortable().build(),
            field("subject", FieldType.STRING).required().sortable().searchable().build(),
            enumField("status", ActivityStatus.class).filterable().sortable().defaultValue(ActivityStatus.OPEN).build(),
            enumField("priority", ActivityPriority.class).filterable().sortable().defaultValue(ActivityPriority.NORMAL).build(),
            field("dueAt", FieldType.DATETIME).filterable().sortable().build(),
            field("startAt", FieldType.DATETIME).filterable().sortable().build(),
            field("endAt", FieldType.DATETIME).build(),
            field("durationMinutes", FieldType.INTEGER).build(),
            enumField("direction", CallDirection.class).filterable().build(),
            field("outcome", FieldType.STRING).searchable().build(),
            field("location", FieldType.STRING).build(),
            field("attendees", FieldType.PARTICIPANTS).build(),
            field("description", FieldType.TEXT).build(),
            field("assignedTo", FieldType.USER).filterable().sortable().build(),
            field("relatedCollection", FieldType.STRING).filterable().build(),
            field("relatedId", FieldType.STRING).filterable().build(),
            reference("accountId", "accounts").readOnly().filterable().build(),
            field("reminderMinutes", FieldType.INTEGER).build(),
            enumField("recurrence", Recurrence.class).filterable().defaultValue(Recurrence.NONE).build(),
            field("scheduledAt", FieldType.DATETIME).readOnly().filterable().sortable().build(),
            field("completedAt", FieldType.DATETIME).readOnly().filterable().sortable().build(),
            field("countsAsTouch", FieldType.BOOLEAN).build());

    @Override
    public String name() {
        return "activities";
    }

    @Override
    public String collection() {
        return "activities";
    }

    @Override
    public String labelEn() {
        return "Activities";
    }

    @Override
    public String labelVi() {
        return "Hoạt động";
    }

    @Override
    public String numberPrefix() {
        return "ACT";
    }

    @Override
    public int navigationOrder() {
        return 120;
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }

    @Override
    public List<ActionDescriptor> actions() {
        return List.of(new ActionDescriptor("complete", "Mark done", "Đánh dấu xong", null).when("status", "OPEN"),
                new ActionDescriptor("reopen", "Reopen", "Mở lại", null).when("status", "DONE", "CANCELLED"));
    }
}
