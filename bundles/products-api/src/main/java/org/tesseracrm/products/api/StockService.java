package org.tesseracrm.products.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The stock ledger for documents (purchase orders, invoices), called inside the document's own
 * transaction so the status change and the stock move together or not at all.
 *
 * <p>Each call is idempotent per document and reason: calling it again for the same document
 * appends nothing and returns what the first call appended. Products that do not track stock are
 * skipped. Tracked stock never goes below zero: the whole call fails with a 409 and writes nothing.
 */
@ProviderType
public interface StockService {

    /** Appends one movement per line for {@code documentType}/{@code documentId} and {@code reason}. */
    List<StockMovement> record(String documentType, String documentId, StockReason reason, List<StockLine> lines,
            String user);

    /**
     * Takes back what {@link #record} appended for the document and reason, as CANCELLATION
     * movements of the opposite sign; once only, and nothing when there was nothing to take back.
     */
    List<StockMovement> reverse(String documentType, String documentId, StockReason reason, String user);
}
