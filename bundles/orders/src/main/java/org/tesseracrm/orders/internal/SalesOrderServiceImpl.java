package org.tesseracrm.orders.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tesseracrm.commerce.api.DocumentEngine;
import org.tesseracrm.commerce.persistence.DocumentRules;
import org.tesseracrm.commerce.persistence.DocumentService;
import org.tesseracrm.invoices.api.Invoice;
import org.tesseracrm.invoices.api.InvoiceService;
import org.tesseracrm.orders.api.OrderEvents;
import org.tesseracrm.orders.api.SalesOrder;
import org.tesseracrm.orders.api.SalesOrderService;
import org.tesseracrm.orders.api.SalesOrderStatus;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.StateMachine;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.persistence.ModuleStorage;

/** Sales orders on the document machinery: statuses, and invoicing an order that is not cancelled. */
@Component(immediate = true, service = {SalesOrderService.class, SalesOrderServiceImpl.class, CollectionIndex.class})
public class SalesOrderServiceImpl extends DocumentService<SalesOrder, SalesOrderEntity, SalesOrderLineEntity, SalesOrderStatus>
        implements SalesOrderService {
    static final StateMachine<SalesOrderStatus> STATUSES = StateMachine.of(SalesOrderStatus.class, "status")
            .allow(SalesOrderStatus.CREATED, SalesOrderStatus.APPROVED, SalesOrderStatus.CANCELLED)
            .allow(SalesOrderStatus.APPROVED, SalesOrderStatus.DELIVERED, SalesOrderStatus.CANCELLED)
            .build();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile InvoiceService invoices;

    /** A new or cancelled order may go to the recycle bin; an approved or delivered one is kept (cancelled, not deleted). */
    @Activate
    public SalesOrderServiceImpl(@Reference(target = "(tessera.module=" + OrderEvents.SALES_ORDERS + ")") ModuleStorage storage,
            @Reference DocumentEngine engine) {
        super(storage, SalesOrder.class, SalesOrderEntity.class, SalesOrderLineEntity.class, engine, STATUSES,
                SalesOrderStatus.CREATED, Set.of(SalesOrderStatus.CREATED),
                Set.of(SalesOrderStatus.CREATED, SalesOrderStatus.CANCELLED), new DocumentRules<>() { });
    }

    /**
     * An invoice for the order (not a cancelled one), with its customer, lines and totals: once,
     * unless {@code again} (409 naming the first otherwise).
     */
    public Invoice toInvoice(String id, boolean again, String user) {
        InvoiceService billing = installed(invoices, "invoices");
        return write(em -> {
            SalesOrderEntity locked = findLiveLocked(em, id);
            SalesOrder order = toDto(em, locked);
            if (order.status == SalesOrderStatus.CANCELLED) {
                throw new RuleViolationException("status", "sales order " + order.number
                        + " is CANCELLED and cannot be invoiced");
            }
            convertOnce(billing, "invoice", "salesOrderId", locked, again);
            Invoice invoice = new Invoice();
            order.copyTo(invoice);
            invoice.salesOrderId = order.id;
            invoice.quoteId = order.quoteId;
            invoice.potentialId = order.potentialId;
            invoice.accountId = order.accountId;
            invoice.contactId = order.contactId;
            invoice.customerPoNumber = order.customerPoNumber;
            return billing.create(invoice, user);
        });
    }
}
