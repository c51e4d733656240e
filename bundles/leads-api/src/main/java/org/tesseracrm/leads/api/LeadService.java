package org.tesseracrm.leads.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.RecordService;

/** The leads of the CRM: records, the funnel, assignment and nurturing touches. */
@ProviderType
public interface LeadService extends RecordService<Lead> {

    /**
     * Assigns {@code leadIds} round robin over {@code assignees} (one assignee assigns them all),
     * in one transaction; a NEW lead moves to NURTURING. Returns the updated leads in request order.
     */
    List<Lead> assign(Assignment assignment, String user);

    /** Logs a contact attempt on a lead. */
    Touch addTouch(String leadId, Touch touch, String user);

    /** A lead's touches, newest first. */
    List<Touch> touches(String leadId);

    /** A page of the lead's touches, newest first, after {@code cursor} (null: the first page). */
    Page<Touch> touches(String leadId, int limit, String cursor);

    /**
     * Converts a lead into an account and/or a contact, and optionally a potential, all in one
     * transaction; the lead becomes CONVERTED and records what it became. A module the conversion
     * needs but that is not installed is a 422 naming it; a second conversion is a 409.
     */
    ConversionResult convert(String leadId, Conversion conversion, String user);
}
