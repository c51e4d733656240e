package org.tesseracrm.quotes.internal;

import java.util.List;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tesseracrm.commerce.api.DocumentEngine;
import org.tesseracrm.commerce.persistence.DocumentService;
import org.tesseracrm.invoices.api.Invoice;
import org.tesseracrm.invoices.api.InvoiceService;
import org.tesseracrm.orders.api.SalesOrder;
import org.tesseracrm.orders.api.SalesOrderService;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.StateMachine;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.api.spi.ModuleSchema;
import org.tesseracrm.platform.persistence.RecordContext;
import org.tesseracrm.potentials.api.Potential;
import org.tesseracrm.potentials.api.PotentialService;
import org.tesseracrm.quotes.api.Quote;
import org.tesseracrm.quotes.api.QuoteEvents;
import org.tesseracrm.quotes.api.QuoteService;
import org.tesseracrm.quotes.api.QuoteStage;

/** Quotes on the document machinery: the customer from the potential, the stages, and conversion to orders and invoices. */
@Component(immediate = true, service = {QuoteService.class, QuoteServiceImpl.class, CollectionIndex.class},
        property = CollectionIndex.PROPERTY + "=quotes")
public class QuoteServiceImpl extends DocumentService<Quote, QuoteEntity, QuoteLineEntity, QuoteStage>
        implements QuoteService {
    static final StateMachine<QuoteStage> STAGES = StateMachine.of(QuoteStage.class, "stage")
            .allow(QuoteStage.DRAFT, QuoteStage.DELIVERED)
            .allow(QuoteStage.DELIVERED, QuoteStage.REVIEWED)
            .allow(QuoteStage.REVIEWED, QuoteStage.ACCEPTED, QuoteStage.REJECTED)
            .build();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PotentialService potentials;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SalesOrderService salesOrders;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile InvoiceService invoices;

    @Activate
    public QuoteServiceImpl(@Reference(target = "(osgi.unit.name=tessera-quotes)") JpaTemplate jpa,
            @Reference(target = "(tessera.module=quotes)") ModuleDescriptor module,
            @Reference(target = "(" + ModuleSchema.PROPERTY + "=quotes)") ModuleSchema schema, @Reference RecordContext context, @Reference DocumentEngine engine) {
        super(module, Quote.class, QuoteEntity.class, QuoteLineEntity.class, jpa, context, engine, STAGES,
                QuoteStage.DRAFT, Set.of(QuoteStage.DRAFT, QuoteStage.DELIVERED, QuoteStage.REVIEWED));
    }

    /** A quote is for a customer: the potential's account (and contact) when the client names only the potential. */
    @Override
    protected void checkDocument(Quote quote, QuoteEntity existing, List<FieldError> errors) {
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

    /**
     * A sales order made from an ACCEPTED quote, with its customer, lines and totals: once, unless
     * {@code again} (409 naming the first otherwise).
     */
    public SalesOrder toSalesOrder(String id, boolean again, String user) {
        SalesOrderService orders = installed(salesOrders, "orders");
        return write(em -> {
            QuoteEntity locked = findLiveLocked(em, id);
            Quote quote = accepted(toDto(em, locked), "a sales order");
            convertOnce(orders, "sales order", "quoteId", locked, again);
            SalesOrder order = new SalesOrder();
            quote.copyTo(order);
            order.quoteId = quote.id;
            order.potentialId = quote.potentialId;
            order.accountId = quote.accountId;
            order.contactId = quote.contactId;
            return orders.create(order, user);
        });
    }

    /**
     * An invoice made from an ACCEPTED quote (directly or through its sales order), with its customer,
     * lines and totals: once, unless {@code again} (409 naming the first otherwise).
     */
    public Invoice toInvoice(String id, boolean again, String user) {
        InvoiceService billing = installed(invoices, "invoices");
        return write(em -> {
            QuoteEntity locked = findLiveLocked(em, id);
            Quote quote = accepted(toDto(em, locked), "an invoice");
            convertOnce(billing, "invoice", "quoteId", locked, again);
            Invoice invoice = new Invoice();
            quote.copyTo(invoice);
            invoice.quoteId = quote.id;
            invoice.potentialId = quote.potentialId;
            invoice.accountId = quote.accountId;
            invoice.contactId = quote.contactId;
            return billing.create(invoice, user);
        });
    }

    private static Quote accepted(Quote quote, String what) {
        if (quote.stage != QuoteStage.ACCEPTED) {
            throw new RuleViolationException("stage", "only an ACCEPTED quote becomes " + what + "; quote "
                    + quote.number + " is " + quote.stage);
        }
        return quote;
    }

    /** An accepted quote is kept (its orders and invoices come from it); any other may go. */
    @Override
    protected boolean deletable(QuoteStage stage) {
        return stage != QuoteStage.ACCEPTED;
    }
}
