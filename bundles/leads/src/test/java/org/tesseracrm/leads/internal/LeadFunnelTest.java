package org.tesseracrm.leads.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.tesseracrm.leads.api.Lead;
import org.tesseracrm.leads.api.LeadStatus;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.RuleViolationException;

public class LeadFunnelTest {

    private static Lead lead(LeadStatus status) {
        Lead l = new Lead();
        l.lastName = "Nguyễn";
        l.status = status;
        return l;
    }

    private static List<FieldError> check(Lead lead, LeadStatus previous) {
        List<FieldError> errors = new ArrayList<>();
        LeadFunnel.check(lead, previous, errors);
        return errors;
    }

    @Test
    public void theFunnelMovesForwardAndRecycles() {
        assertTrue(check(lead(LeadStatus.NURTURING), LeadStatus.NEW).isEmpty());
        assertTrue(check(lead(LeadStatus.QUALIFIED), LeadStatus.NURTURING).isEmpty());
        assertTrue(check(lead(LeadStatus.NURTURING), LeadStatus.DISQUALIFIED).isEmpty());
        assertTrue(check(lead(null), LeadStatus.QUALIFIED).isEmpty());
    }

    @Test
    public void skippingAStepOrLeavingConvertedIsRefused() {
        for (LeadStatus[] illegal : new LeadStatus[][] {
                {LeadStatus.NEW, LeadStatus.QUALIFIED}, {LeadStatus.DISQUALIFIED, LeadStatus.QUALIFIED},
                {LeadStatus.CONVERTED, LeadStatus.NURTURING}}) {
            try {
                check(lead(illegal[1]), illegal[0]);
                fail(illegal[0] + " -> " + illegal[1]);
            } catch (RuleViolationException e) {
                assertEquals(422, e.status());
            }
        }
    }

    @Test
    public void convertedIsSetByConversionOnly() {
        assertEquals("status", check(lead(LeadStatus.CONVERTED), LeadStatus.QUALIFIED).get(0).field);
        assertEquals("status", check(lead(LeadStatus.CONVERTED), null).get(0).field);
    }

    @Test
    public void disqualifyingNeedsAReason() {
        assertEquals("disqualifyReason", check(lead(LeadStatus.DISQUALIFIED), LeadStatus.NURTURING).get(0).field);
        Lead withReason = lead(LeadStatus.DISQUALIFIED);
        withReason.disqualifyReason = "Đã mua của đối thủ";
        assertTrue(check(withReason, LeadStatus.NURTURING).isEmpty());
    }

    @Test
    public void figuresMustBeSensible() {
        Lead l = lead(null);
        l.employees = -1;
        l.annualRevenue = new BigDecimal("10.123");
        List<FieldError> errors = check(l, null);
        assertEquals(2, errors.size());
    }
}
