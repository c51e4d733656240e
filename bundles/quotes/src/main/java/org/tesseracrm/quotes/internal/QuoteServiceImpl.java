package org.tesseracrm.quotes.internal;

import java.util.EnumSet;
import java.util.Set;

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
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.StateMachine;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.persistence.ModuleStorage;
import org.tesseracrm.quotes.api.Quote;
import org.tesseracrm.quotes.api.QuoteService;
import org.tesseracrm.quotes.api.QuoteStage;

/** Quotes on the document machinery: the customer from the potential, the stages, and conversion to orders and invoices. */
@Component(immediate = true, service = {QuoteService.class, QuoteServiceImpl.class, CollectionIndex.class})
public class QuoteServiceImpl extends DocumentService<Quote, QuoteEntity, QuoteLineEntity, QuoteStage>
        implements QuoteService {
    static final StateMachine<QuoteStage> STAGES = StateMachine.of(QuoteStage.class, "stage")
            .allow(QuoteStage.DRAFT, QuoteStage.DELIVERED)
            .allow(QuoteStage.DELIVERED, QuoteStage.REVIEWED)
            .allow(QuoteStage.REVIEWED, QuoteStage.ACCEPTED, QuoteStage.REJECTED)
            .build();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SalesOrderService salesOrders;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile InvoiceService invoices;

    /** An accepted quote is kept (its orders and invoices come from it); any other may go to the recycle bin. */
    @Activate
    public QuoteServiceImpl(@Reference(target = "(tessera.module=quotes)") ModuleStorage storage, @Reference DocumentEngine engine,
            @Reference QuoteRules rules) {
        super(storage, Quote.class, QuoteEntity.class, QuoteLineEntity.class, engine, STAGES, QuoteStage.DRAFT,
                Set.of(QuoteStage.DRAFT, QuoteStage.DELIVERED, QuoteStage.REVIEWED),
                EnumSet.complementOf(EnumSet.of(QuoteStage.ACCEPTED)), rules);
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
}
