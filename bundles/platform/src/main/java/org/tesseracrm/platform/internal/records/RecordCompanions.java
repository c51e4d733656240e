package org.tesseracrm.platform.internal.records;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.internal.db.RecordServices;

/**
 * The platform services behind every record's notes, files and timeline, for the record resources
 * that modules construct themselves (and so cannot be given references).
 */
@Component(service = RecordCompanions.class, immediate = true)
public class RecordCompanions {
    private static volatile RecordCompanions active;

    public final RecordNotes notes;
    public final RecordAttachments attachments;
    public final Timeline timeline;
    public final RecordServices modules;
    public final org.tesseracrm.platform.internal.mail.RecordEmails emails;
    public final org.tesseracrm.platform.internal.mail.Outbox outbox;
    public final org.tesseracrm.platform.internal.exchange.RecordExports exports;
    public final org.tesseracrm.platform.internal.exchange.Duplicates duplicates;
    public final RecordMerges merges;

    @Activate
    public RecordCompanions(@Reference RecordNotes notes, @Reference RecordAttachments attachments, @Reference Timeline timeline,
            @Reference RecordServices modules, @Reference org.tesseracrm.platform.internal.mail.RecordEmails emails,
            @Reference org.tesseracrm.platform.internal.mail.Outbox outbox,
            @Reference org.tesseracrm.platform.internal.exchange.RecordExports exports,
            @Reference org.tesseracrm.platform.internal.exchange.Duplicates duplicates, @Reference RecordMerges merges) {
        this.notes = notes;
        this.attachments = attachments;
        this.timeline = timeline;
        this.modules = modules;
        this.emails = emails;
        this.outbox = outbox;
        this.exports = exports;
        this.duplicates = duplicates;
        this.merges = merges;
        active = this;
    }

    @Deactivate
    void stop() {
        if (active == this) {
            active = null;
        }
    }

    public static RecordCompanions active() {
        RecordCompanions companions = active;
        if (companions == null) {
            throw new IllegalStateException("Notes, files and timelines are not available");
        }
        return companions;
    }
}
