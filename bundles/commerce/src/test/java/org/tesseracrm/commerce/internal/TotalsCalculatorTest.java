package org.tesseracrm.commerce.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;
import org.tesseracrm.commerce.api.LineItem;
import org.tesseracrm.commerce.api.SalesDocument;
import org.tesseracrm.commerce.api.TaxMode;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.RuleViolationException;

/** Worked examples of the document arithmetic, in VND (no minor units) and USD (cents), in both tax modes. */
public class TotalsCalculatorTest {

    static class Doc extends SalesDocument {
    }

    private static Doc doc(String currency, TaxMode mode) {
        Doc d = new Doc();
        d.currency = currency;
        d.taxMode = mode;
        d.lineItems = new ArrayList<>();
        return d;
    }

    private static LineItem line(Doc d, String qty, String price, String taxRate) {
        LineItem l = new LineItem();
        l.name = "line " + d.lineItems.size();
        l.quantity = new BigDecimal(qty);
        l.unitPrice = new BigDecimal(price);
        l.taxRate = taxRate == null ? null : new BigDecimal(taxRate);
        d.lineItems.add(l);
        return l;
    }

    private static void assertTotals(Doc d, String subtotal, String discount, String tax, String shipping,
            String adjustment, String grandTotal) {
        assertEquals("subtotal", new BigDecimal(subtotal), d.totals.subtotal);
        assertEquals("discount", new BigDecimal(discount), d.totals.discount);
        assertEquals("tax", new BigDecimal(tax), d.totals.tax);
        assertEquals("shipping", new BigDecimal(shipping), d.totals.shipping);
        assertEquals("adjustment", new BigDecimal(adjustment), d.totals.adjustment);
        assertEquals("grandTotal", new BigDecimal(grandTotal), d.totals.grandTotal);
    }

    /** Three lines in VND (one 10 % off, one 5,000 off), two tax rates, shipping with tax and a negative adjustment. */
    @Test
    public void vndPerLine() {
        Doc d = doc("VND", TaxMode.PER_LINE);
        line(d, "2", "150000", "10").discountPercent = new BigDecimal("10");
        line(d, "3", "99999", "8");
        line(d, "1", "50000", "0").discountAmount = new BigDecimal("5000");
        d.shippingAmount = new BigDecimal("30000");
        d.shippingTaxRate = new BigDecimal("10");
        d.adjustment = new BigDecimal("-997");
        TotalsCalculator.compute(d);
        assertEquals(new BigDecimal("270000"), d.lineItems.get(0).lineTotal);
        assertEquals(new BigDecimal("299997"), d.lineItems.get(1).lineTotal);
        assertEquals(new BigDecimal("45000"), d.lineItems.get(2).lineTotal);
        // tax: 27,000 + round(23,999.76) + 0 + shipping 3,000
        assertTotals(d, "614997", "0", "54000", "30000", "-997", "698000");
    }

    /** PER_LINE rounds each line's tax (80.4 → 80, twice); DOCUMENT rounds the rate's sum once (160.8 → 161). */
    @Test
    public void modesRoundDifferently() {
        Doc perLine = doc("VND", TaxMode.PER_LINE);
        line(perLine, "1", "1005", "8");
        line(perLine, "1", "1005", "8");
        TotalsCalculator.compute(perLine);
        assertTotals(perLine, "2010", "0", "160", "0", "0", "2170");

        Doc document = doc("VND", TaxMode.DOCUMENT);
        line(document, "1", "1005", "8");
        line(document, "1", "1005", "8.000");
        TotalsCalculator.compute(document);
        assertTotals(document, "2010", "0", "161", "0", "0", "2171");
    }

    /** USD keeps cents: 3 × 19.99 less 15 % (8.9955 → 9.00), 2.5 × 4.10 at 7.25 %; a 10 % document discount lowers the tax base. */
    @Test
    public void usdWithDocumentDiscount() {
        Doc d = doc("USD", TaxMode.PER_LINE);
        line(d, "3", "19.99", "10").discountPercent = new BigDecimal("15");
        line(d, "2.5", "4.10", "7.25");
        TotalsCalculator.compute(d);
        assertEquals(new BigDecimal("50.97"), d.lineItems.get(0).lineTotal);
        assertEquals(new BigDecimal("10.25"), d.lineItems.get(1).lineTotal);
        assertTotals(d, "61.22", "0.00", "5.84", "0.00", "0.00", "67.06");

        d.discountPercent = new BigDecimal("10");
        TotalsCalculator.compute(d);
        // discount 6.122 → 6.12; net 55.10; taxes 4.5875 → 4.59 and 0.6688 → 0.67
        assertTotals(d, "61.22", "6.12", "5.26", "0.00", "0.00", "60.36");

        d.taxMode = TaxMode.DOCUMENT;
        TotalsCalculator.compute(d);
        assertTotals(d, "61.22", "6.12", "5.26", "0.00", "0.00", "60.36");
    }

    @Test
    public void roundsHalfUp() {
        Doc d = doc("VND", TaxMode.PER_LINE);
        line(d, "1", "25", "10");
        line(d, "0.5", "5", "0");
        TotalsCalculator.compute(d);
        assertEquals(new BigDecimal("3"), d.lineItems.get(1).lineTotal); // 2.5 → 3
        assertTotals(d, "28", "0", "3", "0", "0", "31"); // 2.5 → 3, not 2
    }

    @Test
    public void documentDiscountAmountAndEmptyDocument() {
        Doc empty = doc("USD", TaxMode.PER_LINE);
        TotalsCalculator.compute(empty);
        assertTotals(empty, "0.00", "0.00", "0.00", "0.00", "0.00", "0.00");

        Doc d = doc("VND", TaxMode.DOCUMENT);
        line(d, "4", "250000", "10");
        d.discountAmount = new BigDecimal("100000");
        TotalsCalculator.compute(d);
        assertTotals(d, "1000000", "100000", "90000", "0", "0", "990000");
    }

    @Test
    public void brokenRulesAreAllNamed() {
        Doc d = doc("USD", TaxMode.PER_LINE);
        line(d, "0", "10", "10");
        LineItem both = line(d, "1", "10", "10");
        both.discountPercent = BigDecimal.ONE;
        both.discountAmount = BigDecimal.ONE;
        line(d, "1", "1.005", "101");
        line(d, "1.0001", "-1", null);
        d.discountPercent = new BigDecimal("5");
        d.discountAmount = new BigDecimal("1");
        List<String> fields = errors(d);
        for (String f : List.of("lineItems[0].quantity", "lineItems[1].discountAmount", "lineItems[2].unitPrice",
                "lineItems[2].taxRate", "lineItems[3].quantity", "lineItems[3].unitPrice", "discountAmount")) {
            assertTrue(f + " in " + fields, fields.contains(f));
        }
    }

    @Test
    public void discountsCannotExceedWhatTheyDiscount() {
        Doc d = doc("VND", TaxMode.PER_LINE);
        line(d, "1", "100", "0").discountAmount = new BigDecimal("101");
        assertEquals(List.of("lineItems[0].discountAmount"), errors(d));

        Doc doc = doc("VND", TaxMode.PER_LINE);
        line(doc, "1", "100", "0");
        doc.discountAmount = new BigDecimal("150");
        assertEquals(List.of("discountAmount"), errors(doc));
    }

    @Test
    public void grandTotalNeverNegative() {
        Doc d = doc("VND", TaxMode.PER_LINE);
        line(d, "1", "100", "0");
        d.adjustment = new BigDecimal("-101");
        assertEquals(List.of("adjustment"), errors(d));
        d.adjustment = new BigDecimal("-100");
        TotalsCalculator.compute(d);
        assertEquals(new BigDecimal("0"), d.totals.grandTotal);
    }

    private static List<String> errors(Doc d) {
        try {
            TotalsCalculator.compute(d);
            fail("expected a rule violation");
            return List.of();
        } catch (RuleViolationException e) {
            return e.errors().stream().map(error -> error.field).collect(Collectors.toList());
        }
    }
}
