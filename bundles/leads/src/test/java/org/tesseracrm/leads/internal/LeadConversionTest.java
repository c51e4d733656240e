package org.tesseracrm.leads.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.Test;
import org.tesseracrm.accounts.api.Account;
import org.tesseracrm.contacts.api.Contact;
import org.tesseracrm.leads.api.Conversion;
import org.tesseracrm.leads.api.Lead;
import org.tesseracrm.platform.api.Address;
import org.tesseracrm.platform.api.LeadSource;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.potentials.api.Potential;
import org.tesseracrm.potentials.api.PotentialStage;

public class LeadConversionTest {

    private static Lead lead() {
        Lead l = new Lead();
        l.salutation = "Anh";
        l.firstName = "Quang";
        l.lastName = "Lê";
        l.company = "Công ty Sao Mai";
        l.title = "Giám đốc";
        l.email = "quang@saomai.vn";
        l.phone = "024 111";
        l.mobile = "0912 222";
        l.website = "saomai.vn";
        l.industry = "Logistics";
        l.annualRevenue = new BigDecimal("1000000.00");
        l.employees = 30;
        l.source = LeadSource.WEBSITE;
        l.campaignId = "camp-1";
        l.assignedTo = "lan";
        l.address = new Address();
        l.address.city = "Hà Nội";
        return l;
    }

    private static Conversion request(boolean account, boolean contact, boolean potential) {
        Conversion c = new Conversion();
        if (account) {
            c.account = new Conversion.AccountChoice();
            c.account.create = true;
        }
        if (contact) {
            c.contact = new Conversion.ContactChoice();
            c.contact.create = true;
        }
        if (potential) {
            c.potential = new Conversion.PotentialDraft();
        }
        return c;
    }

    @Test
    public void organisationDetailsGoToTheAccount() {
        Account a = LeadConversion.account(lead());
        assertEquals("Công ty Sao Mai", a.name);
        assertEquals("quang@saomai.vn", a.email);
        assertEquals("024 111", a.phone);
        assertEquals("0912 222", a.otherPhone);
        assertEquals("Logistics", a.industry);
        assertEquals(30, a.employees.intValue());
        assertEquals("Hà Nội", a.billingAddress.city);
        assertFalse(a.individual);
    }

    @Test
    public void thePersonGoesToTheContactLinkedToTheAccount() {
        Contact c = LeadConversion.contact(lead(), "acc-1");
        assertEquals("Anh", c.salutation);
        assertEquals("Quang", c.firstName);
        assertEquals("Lê", c.lastName);
        assertEquals("Giám đốc", c.title);
        assertEquals(LeadSource.WEBSITE, c.source);
        assertEquals("acc-1", c.accountId);
        assertEquals("Hà Nội", c.mailingAddress.city);
    }

    @Test
    public void sourceAndCampaignGoToThePotential() {
        Conversion c = request(false, false, true);
        c.potential.amount = new BigDecimal("5000");
        c.potential.closeDate = LocalDate.of(2026, 12, 1);
        c.potential.stage = "QUALIFICATION";
        LeadConversion plan = new LeadConversion(c);
        Potential p = plan.potential(c.potential, lead(), null, "con-1");
        assertEquals("Công ty Sao Mai", p.name);
        assertEquals(PotentialStage.QUALIFICATION, p.stage);
        assertEquals(LeadSource.WEBSITE, p.source);
        assertEquals("camp-1", p.campaignId);
        assertEquals("con-1", p.contactId);
        assertNull(p.accountId);
    }

    @Test
    public void aPotentialImpliesAContact() {
        LeadConversion plan = new LeadConversion(request(false, false, true));
        assertTrue(plan.contact);
        assertFalse(plan.account);
    }

    @Test
    public void somethingMustBeAskedFor() {
        expect422(new Conversion(), "account");
        Conversion both = request(true, false, false);
        both.account.id = "acc-1";
        expect422(both, "account");
        Conversion badStage = request(false, true, true);
        badStage.potential.stage = "WINNING";
        expect422(badStage, "potential.stage");
    }

    private static void expect422(Conversion c, String field) {
        try {
            new LeadConversion(c);
            fail();
        } catch (RuleViolationException e) {
            assertEquals(field, e.errors().get(0).field);
        }
    }
}
