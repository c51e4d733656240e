package org.tesseracrm.leads.internal;

import static org.tesseracrm.leads.api.LeadStatus.CONVERTED;
import static org.tesseracrm.leads.api.LeadStatus.DISQUALIFIED;
import static org.tesseracrm.leads.api.LeadStatus.NEW;
import static org.tesseracrm.leads.api.LeadStatus.NURTURING;
import static org.tesseracrm.leads.api.LeadStatus.QUALIFIED;

import java.util.List;

import org.tesseracrm.leads.api.Lead;
import org.tesseracrm.leads.api.LeadStatus;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.StateMachine;

/**
 * The lead funnel's rules: NEW → NURTURING → QUALIFIED, any open status → DISQUALIFIED (with a
 * reason), DISQUALIFIED → NURTURING (recycled); CONVERTED is final and set by conversion only.
 */
final class LeadFunnel {
    static final StateMachine<LeadStatus> TRANSITIONS = StateMachine.of(LeadStatus.class, "status")
            .allow(NEW, NURTURING, DISQUALIFIED)
            .allow(NURTURING, QUALIFIED, DISQUALIFIED)
            .allow(QUALIFIED, NURTURING, DISQUALIFIED)
            .allow(DISQUALIFIED, NURTURING)
            .build();

    private LeadFunnel() {
    }

    /** The rules for a lead about to be saved; {@code previous} is null for a new lead. */
    static void check(Lead lead, LeadStatus previous, List<FieldError> errors) {
        LeadStatus next = lead.status == null ? (previous == null ? NEW : previous) : lead.status;
        if (previous == CONVERTED) {
            throw new RuleViolationException("status", "a converted lead cannot be changed");
        }
        if (next == CONVERTED && previous != CONVERTED) {
            errors.add(new FieldError("status", "CONVERTED is set only by converting the lead"));
            return;
        }
        if (previous != null) {
            TRANSITIONS.check(previous, next);
        }
        if (next == DISQUALIFIED && (lead.disqualifyReason == null || lead.disqualifyReason.isBlank())) {
            errors.add(new FieldError("disqualifyReason", "is required when the lead is disqualified"));
        }
        if (lead.employees != null && lead.employees < 0) {
            errors.add(new FieldError("employees", "must not be negative"));
        }
        if (lead.annualRevenue != null && lead.annualRevenue.signum() < 0) {
            errors.add(new FieldError("annualRevenue", "must not be negative"));
        }
        if (lead.annualRevenue != null && lead.annualRevenue.scale() > 2) {
            errors.add(new FieldError("annualRevenue", "must have at most 2 decimals"));
        }
    }
}
