package org.tesseracrm.platform.persistence;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (version 7): new rows land at the end of the primary-key index. */
public final class RecordIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecordIds() {
    }

    public static String newId() {
        return newId(System.currentTimeMillis()).toString();
    }

    static UUID newId(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16;
        msb |= 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long lsb = 0;
        for (int i = 2; i < 10; i++) {
            lsb = (lsb << 8) | (random[i] & 0xFFL);
        }
        lsb = (lsb & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
