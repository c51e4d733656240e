package org.tesseracrm.platform.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.UUID;

import org.junit.Test;

public class RecordIdsTest {

    @Test
    public void idsAreVersion7AndOrderedByTime() {
        UUID earlier = RecordIds.newId(1_700_000_000_000L);
        UUID later = RecordIds.newId(1_700_000_000_001L);
        assertEquals(7, earlier.version());
        assertEquals(2, earlier.variant());
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
        assertEquals(36, RecordIds.newId().length());
    }

    @Test
    public void numbersArePaddedToSixDigits() {
        assertEquals("LEA-000001", NumberSequence.format("LEA", 1));
        assertEquals("SO-1234567", NumberSequence.format("SO", 1_234_567));
    }
}
