package org.tesseracrm.invoices.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.commerce.api.DocumentEngine;
import org.tesseracrm.commerce.persistence.DocumentService;
import org.tesseracrm.invoices.api.Invoice;
import org.tesseracrm.invoices.api.InvoiceService;
import org.tesseracrm.invoices.api.InvoiceStatus;
import org.tesseracrm.platform.api.StateMachine;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.persistence.ModuleStorage;

/** Invoices on the document machinery; an approved, sent or paid invoice is kept (cancelled, not deleted), see {@link InvoiceRules}. */
@Component(immediate = true, service = {InvoiceService.class, CollectionIndex.class})
public class InvoiceServiceImpl extends DocumentService<Invoice, InvoiceEntity, InvoiceLineEntity, InvoiceStatus>
        implements InvoiceService {
    static final StateMachine<InvoiceStatus> STATUSES = StateMachine.of(InvoiceStatus.class, "status")
            .allow(InvoiceStatus.CREATED, InvoiceStatus.APPROVED, InvoiceStatus.CANCELLED)
            .allow(InvoiceStatus.APPROVED, InvoiceStatus.SENT, InvoiceStatus.CANCELLED)
            .allow(InvoiceStatus.SENT, InvoiceStatus.PAID, InvoiceStatus.CANCELLED)
            .build();

    @Activate
    public InvoiceServiceImpl(@Reference(target = "(tessera.module=invoices)") ModuleStorage storage, @Reference DocumentEngine engine) {
        super(storage, Invoice.class, InvoiceEntity.class, InvoiceLineEntity.class, engine, STATUSES, InvoiceStatus.CREATED,
                Set.of(InvoiceStatus.CREATED), Set.of(InvoiceStatus.CREATED, InvoiceStatus.CANCELLED), new InvoiceRules(engine));
    }
}

