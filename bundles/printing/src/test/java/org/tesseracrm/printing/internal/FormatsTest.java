package org.tesseracrm.printing.internal;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.Test;

public class FormatsTest {
    private final Formats vi = new Formats(new Locale("vi"), ZoneOffset.UTC);
    private final Formats en = new Formats(Locale.ENGLISH, ZoneOffset.UTC);

    @Test
    public void amountsAsEachLanguageWritesThem() {
        assertEquals("1.500.000\u00a0₫", vi.money(new BigDecimal("1500000"), "VND"));
        assertEquals("$1,500.00", en.money(new BigDecimal("1500"), "USD"));
        assertEquals("1.234,5", vi.number(new BigDecimal("1234.50")));
        assertEquals("30/11/2026", vi.date(LocalDate.of(2026, 11, 30)));
        assertEquals("Nov 30, 2026", en.date("2026-11-30"));
    }

    @Test
    public void totalsInWords() {
        assertEquals("Một triệu năm trăm nghìn đồng", vi.words(new BigDecimal("1500000"), "VND"));
        assertEquals("Fifteen thousand dong", en.words(new BigDecimal("15000"), "VND"));
        assertEquals("One thousand five hundred US Dollar and 25/100", en.words(new BigDecimal("1500.25"), "USD"));
    }
}
