package org.tesseracrm.commerce.api;

import org.tesseracrm.platform.api.Labeled;

/** How a document's tax is computed and rounded. */
public enum TaxMode implements Labeled {
    /** Each line's tax is computed at its rate and rounded; the document's tax is the sum. */
    PER_LINE,
    /** Tax is computed once per tax rate on the sum of the lines at that rate, and rounded once per rate. */
    DOCUMENT
}
