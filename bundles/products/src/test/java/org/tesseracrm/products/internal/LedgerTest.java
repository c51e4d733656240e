package org.tesseracrm.products.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.products.api.StockLine;

public class LedgerTest {

    private static BigDecimal q(String s) {
        return new BigDecimal(s);
    }

    @Test
    public void movementsAddUpExactly() {
        BigDecimal stock = q("0").setScale(3);
        for (String move : List.of("10", "-2.5", "0.125", "-7.625")) {
            stock = Ledger.apply("PRO-1", stock, Ledger.quantity("quantity", q(move)));
        }
        assertEquals(q("0.000"), stock);
    }

    @Test
    public void stockNeverGoesBelowZero() {
        try {
            Ledger.apply("PRO-1", q("2.000"), q("-3"));
            fail();
        } catch (ConflictException e) {
            assertEquals(409, e.status());
        }
        assertEquals(q("0.000"), Ledger.apply("PRO-1", q("3.000"), q("-3")));
    }

    @Test
    public void quantitiesMustMoveSomethingAndBeExact() {
        for (String bad : Arrays.asList(null, "0", "0.0001", "1000000000000")) {
            try {
                Ledger.quantity("quantity", bad == null ? null : q(bad));
                fail(bad);
            } catch (RuleViolationException e) {
                assertEquals("quantity", e.errors().get(0).field);
            }
        }
    }

    @Test
    public void aDocumentsLinesAreNettedPerProductInLockOrder() {
        Map<String, BigDecimal> net = Ledger.net(List.of(new StockLine("b", q("2")), new StockLine("a", q("1")),
                new StockLine("b", q("3")), new StockLine("c", q("1")), new StockLine("c", q("-1"))));
        assertEquals(List.of("a", "b"), List.copyOf(net.keySet()));
        assertEquals(q("5.000"), net.get("b"));
    }

    @Test
    public void quantitiesReadAsWritten() {
        assertEquals("12", Ledger.plain(q("12.000")).toPlainString());
        assertEquals("100", Ledger.plain(q("100.000")).toPlainString());
        assertEquals("0.5", Ledger.plain(q("0.500")).toPlainString());
    }
}
