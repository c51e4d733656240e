package org.tesseracrm.potentials.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.Money;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.potentials.api.Potential;
import org.tesseracrm.potentials.api.PotentialStage;

/** The rules of a potential, apart from storage: required links, money, probability, stages. */
final class PotentialRules {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PotentialRules() {
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
