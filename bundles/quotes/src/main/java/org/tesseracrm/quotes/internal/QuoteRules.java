package org.tesseracrm.quotes.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tesseracrm.commerce.persistence.DocumentRules;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.potentials.api.Potential;
import org.tesseracrm.potentials.api.PotentialService;
import org.tesseracrm.quotes.api.Quote;
import org.tesseracrm.quotes.api.QuoteStage;

/** The quotes' own rules; a component, for the potentials module it consults when installed. */
@Component(service = QuoteRules.class)
public class QuoteRules implements DocumentRules<Quote, QuoteEntity, QuoteStage> {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PotentialService potentials;

    /** A quote is for a customer: the potential's account (and contact) when the client names only the potential. */
    @Override
    public void check(Quote quote, QuoteEntity existing, List<FieldError> errors) {
        PotentialService pipeline = potentials;
        // Read the potential when it fills something (the account, or the contact of a new quote) or
        // when the quote's account or potential is set or changed: they must agree.
        boolean fills = quote.accountId == null || existing == null && quote.contactId == null;
        boolean linked = existing == null || !java.util.Objects.equals(quote.potentialId, existing.potentialId)
                || !java.util.Objects.equals(quote.accountId, existing.accountId);
        if (quote.potentialId != null && pipeline != null && (fills || linked)) {
            try {
                Potential potential = pipeline.get(quote.potentialId);
                if (quote.accountId == null) {
                    quote.accountId = potential.accountId;
                } else if (potential.accountId != null && !potential.accountId.equals(quote.accountId)) {
                    errors.add(new FieldError("accountId", "is not the account of potential " + potential.number
                            + " (" + potential.accountId + ")"));
                }
                if (quote.contactId == null && existing == null) {
                    quote.contactId = potential.contactId;
                }
            } catch (RecordNotFoundException e) {
                return; // the reference check names the missing potential
            }
        }
        if (quote.accountId == null) {
            errors.add(new FieldError("accountId", quote.potentialId == null ? "is required"
                    : "is required: the potential has no account"));
        }
    }
}
