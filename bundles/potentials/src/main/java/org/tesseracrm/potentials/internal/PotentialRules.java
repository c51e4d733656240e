package org.tesseracrm.potentials.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.tesseracrm.contacts.api.Contact;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.RecordEvents;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.RecordContext;
import org.tesseracrm.platform.persistence.RecordIds;
import org.tesseracrm.platform.persistence.RecordRules;
import org.tesseracrm.potentials.api.PotentialEvents;

import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.Money;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.potentials.api.Potential;
import org.tesseracrm.potentials.api.PotentialStage;

/**
 * The rules of a potential: required links, its contact at its account, money, probability, stages and
 * their history, and no deleting a closed deal. A component, for the contacts module it consults when
 * installed and the events it posts.
 */
@Component(service = PotentialRules.class)
public class PotentialRules implements RecordRules<Potential, PotentialEntity> {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ContactService contacts;

    @Reference
    RecordContext context;

    @Override
    public String label(PotentialEntity potential) {
        return potential.name;
    }

    @Override
    public void validate(Potential potential, PotentialEntity existing, List<FieldError> errors) {
        check(potential, existing == null ? null : existing.stage, errors);
        checkContactAtAccount(potential, existing, errors);
    }

    /** The potential's contact works at the potential's account (a contact of no account goes anywhere). */
    private void checkContactAtAccount(Potential potential, PotentialEntity existing, List<FieldError> errors) {
        ContactService people = contacts;
        if (people == null || potential.contactId == null || potential.accountId == null || existing != null
                && potential.contactId.equals(existing.contactId) && potential.accountId.equals(existing.accountId)) {
            return;
        }
        try {
            Contact contact = people.get(potential.contactId);
            if (contact.accountId != null && !contact.accountId.equals(potential.accountId)) {
                errors.add(new FieldError("contactId", "works at another account than the potential's (" + contact.accountId + ")"));
            }
        } catch (RecordNotFoundException e) {
            // the reference check names the missing contact
        }
    }

    @Override
    public void complete(PotentialEntity entity, Potential dto) {
        dto.amount = inCurrency(entity.amount, entity.currency);
        dto.forecastAmount = inCurrency(entity.forecastAmount, entity.currency);
    }

    @Override
    public void beforeCreate(EntityManager em, PotentialEntity potential, Potential record, String user) {
        if (potential.stage == null) {
            potential.stage = PotentialStage.PROSPECTING;
        }
        potential.probability = probability(potential.probability, null, potential.stage, null);
        settle(potential);
        record(em, potential, user);
    }

    @Override
    public void beforeUpdate(EntityManager em, PotentialEntity potential, Potential before, Potential record, String user) {
        if (potential.stage == null) {
            potential.stage = before.stage;
        }
        potential.probability = probability(potential.probability, before.probability,
                potential.stage, before.stage);
        settle(potential);
        if (potential.stage != before.stage) {
            record(em, potential, user);
            context.post(new Event(PotentialEvents.STAGE_CHANGED, Map.of(RecordEvents.PROPERTY_ID, potential.getId(),
                    "stage", potential.stage.name(), "previousStage", before.stage.name())));
        }
    }

    /** Currency, exact amount, forecast and close month as stored. */
    static void settle(PotentialEntity potential) {
        if (potential.currency == null) {
            potential.currency = Money.DEFAULT_CURRENCY;
        }
        potential.amount = Money.exact("amount", potential.amount, potential.currency);
        potential.forecastAmount = forecast(potential.amount, potential.probability, potential.currency);
        potential.closeMonth = potential.closeDate.toString().substring(0, 7);
    }

    /** A closed deal is part of the record of what was won and lost: reopen it to delete it. */
    @Override
    public void beforeDelete(EntityManager em, PotentialEntity potential, String user) {
        if (potential.stage != null && potential.stage.isClosed()) {
            throw new ConflictException("Potential " + potential.getNumber() + " is " + potential.stage
                    + ": a closed potential cannot be deleted; reopen it first").with("stage", potential.stage.name());
        }
    }

    /** Appends the potential's current stage to its history. */
    static void record(EntityManager em, PotentialEntity potential, String user) {
        StageChangeEntity change = new StageChangeEntity();
        change.id = RecordIds.newId();
        change.potentialId = potential.getId();
        change.stage = potential.stage;
        change.amount = potential.amount;
        change.probability = potential.probability;
        change.at = JpaRecordService.now();
        change.by = user;
        em.persist(change);
    }

    /** Checks a potential about to be saved; {@code previousStage} is null for a new one. */
    static void check(Potential p, PotentialStage previousStage, List<FieldError> errors) {
        if (previousStage != null && previousStage.isClosed()) {
            throw new RuleViolationException("stage", "the potential is " + previousStage
                    + " and read-only; reopen it first");
        }
        if (blank(p.accountId) && blank(p.contactId)) {
            errors.add(new FieldError("accountId", "an account or a contact is required"));
        }
        String currency = p.currency == null ? Money.DEFAULT_CURRENCY : p.currency;
        if (!Money.isCurrency(currency)) {
            errors.add(new FieldError("currency", "is not an ISO 4217 currency code"));
        } else if (p.amount != null) {
            if (p.amount.signum() < 0) {
                errors.add(new FieldError("amount", "must not be negative"));
            } else if (p.amount.stripTrailingZeros().scale() > Money.scale(currency)) {
                errors.add(new FieldError("amount", "must have at most " + Money.scale(currency) + " decimals in " + currency));
            }
        }
        if (p.probability != null && (p.probability < 0 || p.probability > 100)) {
            errors.add(new FieldError("probability", "must be between 0 and 100"));
        }
        if (p.stage == PotentialStage.CLOSED_LOST && blank(p.lostReason)) {
            errors.add(new FieldError("lostReason", "is required when the potential is lost"));
        }
    }

    /** The probability after a save: kept if the client set it, else the stage's default. */
    static int probability(Integer given, Integer before, PotentialStage stage, PotentialStage previousStage) {
        boolean stageChanged = previousStage != null && previousStage != stage;
        if (given == null || stageChanged && given.equals(before)) {
            return stage.defaultProbability();
        }
        return given;
    }

    static BigDecimal forecast(BigDecimal amount, int probability, String currency) {
        if (amount == null) {
            return null;
        }
        return amount.multiply(BigDecimal.valueOf(probability)).divide(HUNDRED, Money.scale(currency), RoundingMode.HALF_UP);
    }

    /** A stored amount shown in its currency's minor units. */
    static BigDecimal inCurrency(BigDecimal amount, String currency) {
        return amount == null || currency == null ? amount : amount.setScale(Money.scale(currency), RoundingMode.HALF_UP);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
