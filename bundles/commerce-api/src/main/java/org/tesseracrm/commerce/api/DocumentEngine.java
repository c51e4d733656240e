package org.tesseracrm.commerce.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.products.api.StockReason;

/**
 * The one piece of code that prices every sales document, moves its stock and prints it. Document modules
 * call it; it uses the products module when installed.
 */
@ProviderType
public interface DocumentEngine {

    /**
     * Completes a document of {@code module} from the catalogue (line names, unit prices and tax
     * rates the client left out), applies the pricing rules, checks every amount, and computes each
     * line's total and the document's totals in place. A broken rule is a 422 naming every offending
     * field ({@code lineItems[1].quantity}).
     */
    void price(String module, SalesDocument document);

    /**
     * Moves the stock of the document's product lines for {@code reason} (PURCHASE_RECEIPT adds,
     * INVOICE takes out), in the caller's transaction, once per document and reason; 409 when
     * tracked stock would go below zero.
     */
    void moveStock(String documentType, String documentId, StockReason reason, List<LineItem> lines, String user);

    /** Takes back what {@link #moveStock} moved for the document and reason, once. */
    void returnStock(String documentType, String documentId, StockReason reason, List<LineItem> lines, String user);

    /**
     * The document of {@code module} as a PDF a business can send, in {@code language}: the seller,
     * whom it is for, its number, dates and status, its lines, totals (in words for VND) and terms.
     * Printed from {@code etc/tessera/templates/<collection>.ftlh} or the shared template when there is one.
     */
    byte[] pdf(org.tesseracrm.platform.api.spi.ModuleDescriptor module, SalesDocument document, java.util.Locale language);
}
