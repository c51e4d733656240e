package org.tesseracrm.leads.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tesseracrm.leads.api.Assignment;
import org.tesseracrm.leads.api.Lead;
import org.tesseracrm.leads.api.LeadEvents;
import org.tesseracrm.leads.api.LeadService;
import org.tesseracrm.leads.api.LeadStatus;
import org.tesseracrm.leads.api.Touch;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.api.RecordEvents;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.api.spi.SchemaMigrator;
import org.tesseracrm.platform.persistence.Conditions;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.RecordIds;

/** Leads on the platform's record machinery, plus the funnel, assignment and touches. */
@Component(service = LeadService.class)
public class LeadServiceImpl extends JpaRecordService<Lead, LeadEntity> implements LeadService {
    static final int MAX_BULK = 500;

    private final EventAdmin events;

    @Activate
    public LeadServiceImpl(@Reference(target = "(osgi.unit.name=tessera-leads)") JpaTemplate jpa,
            @Reference(target = "(tessera.module=leads)") ModuleDescriptor module,
            @Reference SchemaMigrator migrator, @Reference EventAdmin events, BundleContext context) {
        super(module, Lead.class, LeadEntity.class, jpa, events);
        this.events = events;
        migrator.migrate(LeadEvents.MODULE, context.getBundle());
    }

    @Override
    protected void validate(Lead lead, LeadEntity existing, List<FieldError> errors) {
        LeadFunnel.check(lead, existing == null ? null : existing.status, errors);
    }

    @Override
    protected void beforeCreate(EntityManager em, LeadEntity lead, String user) {
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
    protected void beforeUpdate(EntityManager em, LeadEntity lead, Lead before, String user) {
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
    protected void restrictList(ListQuery query, Conditions conditions) {
        if (!query.filters.containsKey("status")) {
            conditions.add("e.status <> ?", LeadStatus.CONVERTED);
        }
    }

    @Override
    public List<Lead> assign(Assignment assignment, String user) {
        List<String> leadIds = assignment.leadIds == null ? List.of() : assignment.leadIds;
        List<String> assignees = assignment.assignees == null ? List.of() : assignment.assignees;
        checkAssignment(leadIds, assignees);
        List<LeadEntity> assigned = write(em -> {
            List<LeadEntity> leads = new ArrayList<>();
            for (int i = 0; i < leadIds.size(); i++) {
                LeadEntity lead = findLive(em, leadIds.get(i));
                if (lead.status == LeadStatus.CONVERTED) {
                    throw new RuleViolationException("leadIds[" + i + "]",
                            "lead " + lead.getNumber() + " is converted and cannot be assigned");
                }
                lead.assignedTo = assignees.get(i % assignees.size()).trim();
                if (lead.status == LeadStatus.NEW) {
                    lead.status = LeadStatus.NURTURING;
                }
                stamp(lead, user);
                leads.add(lead);
            }
            em.flush();
            return leads;
        });
        List<Lead> result = new ArrayList<>(assigned.size());
        for (LeadEntity lead : assigned) {
            events.postEvent(new Event(LeadEvents.ASSIGNED, Map.of(RecordEvents.PROPERTY_ID, lead.getId(),
                    "assignedTo", lead.assignedTo)));
            result.add(toDto(lead));
        }
        return result;
    }

    private static void checkAssignment(List<String> leadIds, List<String> assignees) {
        List<FieldError> errors = new ArrayList<>();
        if (leadIds.isEmpty()) {
            errors.add(new FieldError("leadIds", "must name at least one lead"));
        } else if (leadIds.size() > MAX_BULK) {
            errors.add(new FieldError("leadIds", "must name at most " + MAX_BULK + " leads"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < leadIds.size(); i++) {
                if (leadIds.get(i) == null || !seen.add(leadIds.get(i))) {
                    errors.add(new FieldError("leadIds[" + i + "]", "is empty or repeated"));
                }
            }
        }
        if (assignees.isEmpty()) {
            errors.add(new FieldError("assignees", "must name at least one user"));
        }
        for (int i = 0; i < assignees.size(); i++) {
            String a = assignees.get(i);
            if (a == null || a.isBlank() || a.length() > 255) {
                errors.add(new FieldError("assignees[" + i + "]", "must be a user name of 1 to 255 characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The assignment is not valid: " + errors, errors);
        }
    }

    @Override
    public Touch addTouch(String leadId, Touch touch, String user) {
        List<FieldError> errors = new ArrayList<>();
        if (touch.channel == null) {
            errors.add(new FieldError("channel", "is required"));
        }
        if (touch.note != null && touch.note.length() > 4000) {
            errors.add(new FieldError("note", "must be at most 4000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The touch is not valid: " + errors, errors);
        }
        TouchEntity saved = write(em -> {
            LeadEntity lead = findLive(em, leadId);
            if (lead.status == LeadStatus.CONVERTED) {
                throw new RuleViolationException("leadId", "lead " + lead.getNumber() + " is converted; log touches on its contact");
            }
            TouchEntity t = new TouchEntity();
            t.id = RecordIds.newId();
            t.leadId = lead.getId();
            t.channel = touch.channel;
            t.at = (touch.at == null ? Instant.now() : touch.at).truncatedTo(ChronoUnit.MICROS);
            t.outcome = touch.outcome;
            t.note = touch.note;
            t.by = user;
            em.persist(t);
            return t;
        });
        events.postEvent(new Event(LeadEvents.TOUCHED, Map.of(RecordEvents.PROPERTY_ID, leadId, "touchId", saved.id)));
        return saved.toDto();
    }

    @Override
    public List<Touch> touches(String leadId) {
        return read(em -> {
            findLive(em, leadId);
            List<Touch> touches = new ArrayList<>();
            for (TouchEntity t : em.createQuery(
                    "SELECT t FROM Touch t WHERE t.leadId = :lead ORDER BY t.at DESC, t.id DESC", TouchEntity.class)
                    .setParameter("lead", leadId).setHint("eclipselink.read-only", "true").getResultList()) {
                touches.add(t.toDto());
            }
            return touches;
        });
    }
}
