package org.tesseracrm.itests;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for what the server does in the background (a message sent, an import run): a condition and a deadline. */
public final class Await {
    private static final long POLL_NANOS = Duration.ofMillis(100).toNanos();

    private Await() {
    }

    /**
     * Asks {@code probe} until its answer satisfies {@code done} or {@code deadline} has passed, and
     * returns the last answer: the caller asserts on it, so a timeout fails with what was seen.
     */
    public static <T> T until(Duration deadline, Supplier<T> probe, Predicate<T> done) {
        long end = System.nanoTime() + deadline.toNanos();
        T answer = probe.get();
        while (!done.test(answer) && System.nanoTime() - end < 0) {
            LockSupport.parkNanos(POLL_NANOS);
            answer = probe.get();
        }
        return answer;
    }
}
