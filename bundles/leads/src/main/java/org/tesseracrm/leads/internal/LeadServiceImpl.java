package org.tesseracrm.leads.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.tesseracrm.accounts.api.AccountService;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.leads.api.Assignment;
import org.tesseracrm.leads.api.Conversion;
import org.tesseracrm.leads.api.ConversionResult;
import org.tesseracrm.leads.api.Lead;
import org.tesseracrm.leads.api.LeadEvents;
import org.tesseracrm.leads.api.LeadService;
import org.tesseracrm.leads.api.LeadStatus;
import org.tesseracrm.leads.api.Touch;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.RecordEvents;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.persistence.ChildRows;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.ModuleStorage;
import org.tesseracrm.platform.persistence.RecordIds;
import org.tesseracrm.potentials.api.PotentialService;

/** Leads on the platform's record machinery, plus the funnel, assignment and touches. */
@Component(immediate = true, service = {LeadService.class, CollectionIndex.class})
public class LeadServiceImpl extends JpaRecordService<Lead, LeadEntity> implements LeadService {
    static final int MAX_BULK = 500;

    /** The child collection of touches, and the action that adds one (in the lead's history). */
    static final String TOUCHES = "touches";
    static final String TOUCHED = "TOUCHED";
    private final ChildRows<TouchEntity> touchRows = new ChildRows<>(TouchEntity.class, "leadId", "at", true);

    @Activate
    public LeadServiceImpl(@Reference(target = "(tessera.module=leads)") ModuleStorage storage) {
        super(storage, Lead.class, LeadEntity.class, new LeadRules());
    }

    /** Other modules, used by conversion when they are installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccountService accounts;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ContactService contacts;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PotentialService potentials;

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
                stamp(lead, user, "ASSIGNED");
                leads.add(lead);
            }
            em.flush();
            return leads;
        });
        List<Lead> result = new ArrayList<>(assigned.size());
        for (LeadEntity lead : assigned) {
            context().post(new Event(LeadEvents.ASSIGNED, Map.of(RecordEvents.PROPERTY_ID, lead.getId(),
                    "assignedTo", lead.assignedTo)));
            result.add(toDto(lead));
        }
        return result;
    }

    private void checkAssignment(List<String> leadIds, List<String> assignees) {
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
            } else if (!context().isUser(a.trim())) {
                errors.add(new FieldError("assignees[" + i + "]", "is not an active user of Tessera: " + a.trim()));
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The assignment is not valid: " + errors, errors);
        }
    }

    @Override
    public ConversionResult convert(String leadId, Conversion request, String user) {
        LeadConversion plan = new LeadConversion(request);
        AccountService accountModule = plan.account ? installed(accounts, "accounts", "account") : null;
        ContactService contactModule = plan.contact ? installed(contacts, "contacts", "contact") : null;
        PotentialService potentialModule = plan.potential ? installed(potentials, "potentials", "potential") : null;

        ConversionResult result = write(em -> {
            LeadEntity entity = findLive(em, leadId);
            if (entity.status == LeadStatus.CONVERTED) {
                throw new ConflictException("Lead " + entity.getNumber() + " is already converted")
                        .with("convertedAccountId", entity.convertedAccountId)
                        .with("convertedContactId", entity.convertedContactId)
                        .with("convertedPotentialId", entity.convertedPotentialId);
            }
            if (entity.status == LeadStatus.DISQUALIFIED) {
                throw new RuleViolationException("status", "lead " + entity.getNumber()
                        + " is disqualified; recycle it to NURTURING before converting");
            }
            Lead lead = toDto(entity);
            ConversionResult r = new ConversionResult();
            r.leadId = leadId;
            if (plan.existingAccount) {
                r.accountId = existingAccount(accountModule, request.account.id);
            } else if (plan.account) {
                r.accountId = newAccount(accountModule, lead, Boolean.TRUE.equals(request.account.allowDuplicate), user);
            }
            if (plan.contact) {
                r.contactId = create("contact", () -> contactModule.create(LeadConversion.contact(lead, r.accountId), user).id);
            }
            if (plan.potential) {
                r.potentialId = create("potential", () -> potentialModule.create(
                        plan.potential(request.potential, lead, r.accountId, r.contactId), user).id);
            }
            entity.status = LeadStatus.CONVERTED;
            entity.convertedAt = now();
            entity.convertedAccountId = r.accountId;
            entity.convertedContactId = r.contactId;
            entity.convertedPotentialId = r.potentialId;
            stamp(entity, user, "CONVERTED");
            em.flush();
            return r;
        });
        Map<String, Object> properties = new HashMap<>();
        properties.put(RecordEvents.PROPERTY_ID, leadId);
        properties.put(RecordEvents.PROPERTY_USER, user == null ? "" : user);
        if (result.accountId != null) {
            properties.put("accountId", result.accountId);
        }
        if (result.contactId != null) {
            properties.put("contactId", result.contactId);
        }
        if (result.potentialId != null) {
            properties.put("potentialId", result.potentialId);
        }
        context().post(new Event(LeadEvents.CONVERTED, properties));
        return result;
    }

    private static <S> S installed(S service, String module, String field) {
        if (service == null) {
            throw new RuleViolationException(field, "the " + module + " module is not installed");
        }
        return service;
    }

    private static String existingAccount(AccountService accounts, String id) {
        try {
            return accounts.get(id).id;
        } catch (RecordNotFoundException e) {
            throw new RuleViolationException("account.id", "no live account has id " + id);
        }
    }

    private static String newAccount(AccountService accounts, Lead lead, boolean allowDuplicate, String user) {
        if (lead.company == null || lead.company.isBlank()) {
            throw new RuleViolationException("account", "the lead has no company to name the account after;"
                    + " name an existing account or convert to a contact only");
        }
        if (!allowDuplicate) {
            accounts.findOrganisation(lead.company).ifPresent(existing -> {
                throw new ConflictException("An organisation named '" + existing.name + "' already exists ("
                        + existing.number + "): name it with {\"account\": {\"id\": \"" + existing.id
                        + "\"}} or ask for a new one with \"allowDuplicate\": true")
                        .with("existingId", existing.id).with("existingNumber", existing.number);
            });
        }
        return create("account", () -> accounts.create(LeadConversion.account(lead), user, allowDuplicate).id);
    }

    /** Runs another module's create, naming the failing part of the request in its errors. */
    private static String create(String part, java.util.function.Supplier<String> creation) {
        try {
            return creation.get();
        } catch (RuleViolationException e) {
            throw LeadConversion.within(part, e);
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
            t.activityId = touch.activityId;
            em.persist(t);
            childChanged(lead, TOUCHED, TOUCHES, null, t.channel + (t.outcome == null ? "" : ": " + t.outcome)
                    + (t.note == null ? "" : " · " + (t.note.length() > 200 ? t.note.substring(0, 200) + "…" : t.note)), user);
            return t;
        });
        return saved.toDto();
    }

    @Override
    public Page<Touch> touches(String leadId, int limit, String cursor) {
        return read(em -> {
            findLive(em, leadId);
            Page<TouchEntity> page = touchRows.page(em, leadId, Map.of(), limit, cursor, t -> true);
            return new Page<>(page.items.stream().map(TouchEntity::toDto).toList(), page.nextCursor);
        });
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
