package org.tesseracrm.leads.internal;

import java.util.List;
import java.util.Objects;

import javax.persistence.EntityManager;

import org.tesseracrm.leads.api.Lead;
import org.tesseracrm.leads.api.LeadEvents;
import org.tesseracrm.leads.api.LeadStatus;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.persistence.Conditions;
import org.tesseracrm.platform.persistence.RecordRules;

/**
 * A lead is named by its person, follows the funnel ({@link LeadFunnel}), starts NEW and starts its
 * nurturing when first assigned; converted leads leave the working list; a merged lead's touches follow it.
 */
final class LeadRules implements RecordRules<Lead, LeadEntity> {

    @Override
    public String label(LeadEntity lead) {
        return lead.firstName == null ? lead.lastName : lead.firstName + " " + lead.lastName;
    }

    @Override
    public void validate(Lead lead, LeadEntity existing, List<FieldError> errors) {
        LeadFunnel.check(lead, existing == null ? null : existing.status, errors);
    }

    @Override
    public void beforeCreate(EntityManager em, LeadEntity lead, Lead record, String user) {
        if (lead.status == null) {
            lead.status = LeadStatus.NEW;
        }
        normalise(lead);
    }

    /** Money as stored (2 decimals), so the answer to a write equals a later read. */
    private static void normalise(LeadEntity lead) {
        if (lead.annualRevenue != null) {
            lead.annualRevenue = lead.annualRevenue.setScale(2);
        }
    }

    @Override
    public void beforeUpdate(EntityManager em, LeadEntity lead, Lead before, Lead record, String user) {
        if (lead.status == null) {
            lead.status = before.status;
        }
        if (lead.status == LeadStatus.NEW && lead.assignedTo != null && !lead.assignedTo.isBlank()
                && !Objects.equals(lead.assignedTo, before.assignedTo)) {
            lead.status = LeadStatus.NURTURING; // assigning a new lead starts its nurturing
        }
        if (before.status == LeadStatus.DISQUALIFIED && lead.status != LeadStatus.DISQUALIFIED) {
            lead.disqualifyReason = null; // recycled
        }
        normalise(lead);
    }

    @Override
    public void restrictList(ListQuery query, Conditions conditions) {
        // Converted leads leave the working list, not the recycle bin: a deleted one is found there.
        if (!query.filters.containsKey("status") && !query.deleted) {
            conditions.add("e.status <> ?", LeadStatus.CONVERTED);
        }
    }

    /** A lead merged into another: its touches are the survivor's. */
    @Override
    public int repointOwn(EntityManager em, String collection, String fromId, String toId, String user) {
        if (!collection.equals(LeadEvents.MODULE)) {
            return 0;
        }
        return em.createQuery("UPDATE Touch t SET t.leadId = :to WHERE t.leadId = :from")
                .setParameter("to", toId).setParameter("from", fromId).executeUpdate();
    }
}
