package org.tesseracrm.platform.internal.rest;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.Test;

public class DateHeaderFeatureTest {

    @Test
    public void theDateIsAnHttpDateOfNow() {
        String text = new DateHeaderFeature().now();
        ZonedDateTime parsed = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        long off = Math.abs(Duration.between(parsed.toInstant(), java.time.Instant.now()).getSeconds());
        assertEquals("within a second or two of now: " + text, true, off <= 2);
        assertEquals("IMF-fixdate: two-digit day, GMT", 29, text.length());
    }
}
