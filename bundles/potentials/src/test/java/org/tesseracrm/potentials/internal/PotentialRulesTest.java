package org.tesseracrm.potentials.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.potentials.api.Potential;
import org.tesseracrm.potentials.api.PotentialStage;

public class PotentialRulesTest {

    private static Potential potential() {
        Potential p = new Potential();
        p.name = "Hợp đồng";
        p.accountId = "acc";
        return p;
    }

    private static List<FieldError> check(Potential p, PotentialStage previous) {
        List<FieldError> errors = new ArrayList<>();
        PotentialRules.check(p, previous, errors);
        return errors;
    }

    @Test
    public void stagesCarryTheirDefaultProbabilities() {
        int[] expected = {10, 20, 25, 30, 40, 50, 65, 80, 100, 0};
        PotentialStage[] stages = PotentialStage.values();
        for (int i = 0; i < stages.length; i++) {
            assertEquals(stages[i].name(), expected[i], stages[i].defaultProbability());
        }
    }

    @Test
    public void probabilityFollowsTheStageUnlessSet() {
        assertEquals(10, PotentialRules.probability(null, null, PotentialStage.PROSPECTING, null));
        assertEquals(33, PotentialRules.probability(33, null, PotentialStage.PROSPECTING, null));
        assertEquals(80, PotentialRules.probability(33, 33, PotentialStage.NEGOTIATION_REVIEW, PotentialStage.PROSPECTING));
        assertEquals(90, PotentialRules.probability(90, 33, PotentialStage.NEGOTIATION_REVIEW, PotentialStage.PROSPECTING));
        assertEquals(44, PotentialRules.probability(44, 33, PotentialStage.PROSPECTING, PotentialStage.PROSPECTING));
    }

    @Test
    public void forecastIsRoundedHalfUpToTheCurrency() {
        assertEquals(new BigDecimal("33"), PotentialRules.forecast(new BigDecimal("101"), 33, "VND"));
        assertEquals(new BigDecimal("4"), PotentialRules.forecast(new BigDecimal("5"), 75, "VND"));
        assertEquals(new BigDecimal("33.33"), PotentialRules.forecast(new BigDecimal("101.00"), 33, "USD"));
        assertEquals(new BigDecimal("0.01"), PotentialRules.forecast(new BigDecimal("0.01"), 50, "USD"));
    }

    @Test
    public void linksMoneyAndLossAreChecked() {
        Potential orphan = potential();
        orphan.accountId = null;
        assertEquals("accountId", check(orphan, null).get(0).field);
        Potential cents = potential();
        cents.amount = new BigDecimal("10.5");
        assertEquals("amount", check(cents, null).get(0).field);
        cents.currency = "USD";
        assertTrue(check(cents, null).isEmpty());
        Potential odd = potential();
        odd.currency = "XXY";
        odd.probability = 101;
        assertEquals(2, check(odd, null).size());
        Potential lost = potential();
        lost.stage = PotentialStage.CLOSED_LOST;
        assertEquals("lostReason", check(lost, PotentialStage.NEGOTIATION_REVIEW).get(0).field);
    }

    @Test
    public void closedPotentialsAreReadOnly() {
        try {
            check(potential(), PotentialStage.CLOSED_WON);
            fail();
        } catch (RuleViolationException e) {
            assertEquals(422, e.status());
        }
    }
}
