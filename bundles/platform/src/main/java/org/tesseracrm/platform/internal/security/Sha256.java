package org.tesseracrm.platform.internal.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** One SHA-256 per thread: looking the algorithm up costs more than the digest of a short text. */
public final class Sha256 {
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private Sha256() {
    }

    /** This thread's SHA-256, reset. */
    public static MessageDigest digest() {
        MessageDigest sha = DIGEST.get();
        sha.reset();
        return sha;
    }
}
