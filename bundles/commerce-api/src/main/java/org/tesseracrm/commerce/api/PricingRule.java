package org.tesseracrm.commerce.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A partner's pricing rule (e.g. a volume discount), applied to every sales document of the modules
 * it names each time the document is priced: after the lines were completed from the catalogue and
 * before the totals are computed. Published as a whiteboard service; rules come and go with their
 * bundles (no restart) and run in {@code service.ranking} order, highest first.
 */
@ConsumerType
public interface PricingRule {
    /** Service property: the document modules priced (e.g. {@code quotes}), a string or a list; without it, all. */
    String MODULES = "tessera.pricing.modules";

    /**
     * Adjusts the document in place, typically a line's {@code discountPercent}, {@code discountAmount}
     * or {@code unitPrice}. A {@code RuleViolationException} refuses the document with a 422.
     */
    void apply(String module, SalesDocument document);
}
