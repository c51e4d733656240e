package org.tesseracrm.leads.internal;

import java.util.ArrayList;
import java.util.List;

import org.tesseracrm.accounts.api.Account;
import org.tesseracrm.contacts.api.Contact;
import org.tesseracrm.leads.api.Conversion;
import org.tesseracrm.leads.api.Lead;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.potentials.api.Potential;
import org.tesseracrm.potentials.api.PotentialStage;

/**
 * How a lead's data is carried over when it converts: company and organisation details to the
 * account, the person to the contact, source and campaign to the potential.
 */
final class LeadConversion {
    final boolean account;
    final boolean existingAccount;
    final boolean contact;
    final boolean potential;
    final PotentialStage stage;

    /** Reads and checks what the request asks for; a potential implies a contact. */
    LeadConversion(Conversion request) {
        List<FieldError> errors = new ArrayList<>();
        Conversion.AccountChoice a = request.account;
        boolean create = a != null && Boolean.TRUE.equals(a.create);
        boolean byId = a != null && a.id != null && !a.id.isBlank();
        if (create && byId) {
            errors.add(new FieldError("account", "either create an account or name one by id, not both"));
        }
        account = create || byId;
        existingAccount = byId;
        potential = request.potential != null;
        contact = potential || request.contact != null && Boolean.TRUE.equals(request.contact.create);
        if (!account && !contact) {
            errors.add(new FieldError("account", "a conversion creates or names an account, creates a contact, or both"));
        }
        PotentialStage s = null;
        if (potential && request.potential.stage != null) {
            try {
                s = PotentialStage.valueOf(request.potential.stage);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("potential.stage", "is not a potential stage"));
            }
        }
        stage = s;
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The conversion request is not valid: " + errors, errors);
        }
    }

    /** The collections this conversion creates records in. */
    List<String> collectionsWritten() {
        List<String> written = new ArrayList<>();
        if (account && !existingAccount) {
            written.add("accounts");
        }
        if (contact) {
            written.add("contacts");
        }
        if (potential) {
            written.add("potentials");
        }
        return written;
    }

    static Account account(Lead lead) {
        Account a = new Account();
        a.name = lead.company;
        a.individual = false;
        a.email = lead.email;
        a.phone = lead.phone;
        a.otherPhone = lead.mobile;
        a.website = lead.website;
        a.industry = lead.industry;
        a.annualRevenue = lead.annualRevenue;
        a.employees = lead.employees;
        a.billingAddress = lead.address;
        a.assignedTo = lead.assignedTo;
        return a;
    }

    static Contact contact(Lead lead, String accountId) {
        Contact c = new Contact();
        c.salutation = lead.salutation;
        c.firstName = lead.firstName;
        c.lastName = lead.lastName;
        c.title = lead.title;
        c.email = lead.email;
        c.secondaryEmail = lead.secondaryEmail;
        c.phone = lead.phone;
        c.mobile = lead.mobile;
        c.mailingAddress = lead.address;
        c.source = lead.source;
        c.accountId = accountId;
        c.assignedTo = lead.assignedTo;
        return c;
    }

    Potential potential(Conversion.PotentialDraft draft, Lead lead, String accountId, String contactId) {
        Potential p = new Potential();
        p.name = draft.name != null && !draft.name.isBlank() ? draft.name
                : lead.company != null && !lead.company.isBlank() ? lead.company
                : (lead.firstName == null ? "" : lead.firstName + " ") + lead.lastName;
        p.amount = draft.amount;
        p.currency = draft.currency;
        p.closeDate = draft.closeDate;
        p.stage = stage;
        p.accountId = accountId;
        p.contactId = contactId;
        p.source = lead.source;
        p.campaignId = lead.campaignId;
        p.assignedTo = lead.assignedTo;
        return p;
    }

    /** A failure of another module's rules, its fields named under the part of the request they came from. */
    static RuleViolationException within(String part, RuleViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (FieldError f : e.errors()) {
            errors.add(new FieldError(part + "." + f.field, f.message));
        }
        // the detail ends with the errors as they are named here, so each language lists them in its own words
        return new RuleViolationException("The " + part + " cannot be created: " + errors, errors);
    }
}
