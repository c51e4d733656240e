package org.tesseracrm.platform.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.After;
import org.junit.Test;

public class SingleFlightTest {
    private static final int CALLERS = 8;
    private final ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    private final SingleFlight<String, String> flight = new SingleFlight<>();

    @After
    public void stop() {
        pool.shutdownNow();
    }

    /** Starts CALLERS calls for the key; the first one's work holds until {@code release}. */
    private List<Future<String>> callersWhileTheFirstRuns(String key, AtomicInteger runs, CountDownLatch release,
            RuntimeException failure) throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        answers.add(pool.submit(() -> flight.run(key, () -> {
            runs.incrementAndGet();
            firstRunning.countDown();
            await(release);
            if (failure != null) {
                throw failure;
            }
            return "checked " + key;
        })));
        assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
        Queue<Thread> others = new ConcurrentLinkedQueue<>();
        for (int i = 1; i < CALLERS; i++) {
            answers.add(pool.submit(() -> {
                others.add(Thread.currentThread());
                return flight.run(key, () -> {
                    runs.incrementAndGet();
                    return "checked again";
                });
            }));
        }
        // the first run ends only once every other caller waits for it (its only wait is on that run)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (others.size() < CALLERS - 1 || others.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
            assertTrue("the other callers did not wait for the run under way", System.nanoTime() < deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        release.countDown();
        return answers;
    }

    @Test
    public void parallelCallsForOneKeyShareOneRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<Future<String>> answers = callersWhileTheFirstRuns("ann", runs, new CountDownLatch(1), null);
        for (Future<String> answer : answers) {
            assertEquals("checked ann", answer.get(10, TimeUnit.SECONDS));
        }
        assertEquals("the slow work ran once for all " + CALLERS + " callers", 1, runs.get());
    }

    @Test
    public void aFailureReachesEveryCallerThatShared() throws Exception {
        IllegalStateException down = new IllegalStateException("database down");
        List<Future<String>> answers = callersWhileTheFirstRuns("ann", new AtomicInteger(), new CountDownLatch(1), down);
        for (Future<String> answer : answers) {
            try {
                answer.get(10, TimeUnit.SECONDS);
                fail("a shared failure must not turn into an answer");
            } catch (java.util.concurrent.ExecutionException e) {
                assertSame(down, e.getCause());
            }
        }
    }

    @Test
    public void aCallAfterARunEndedRunsAgainAndOtherKeysNeverWait() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        assertEquals("a", flight.run("k", () -> "a" + (runs.incrementAndGet() > 1 ? "!" : "")));
        assertEquals("the first run's answer is not kept", "b", flight.run("k", () -> {
            runs.incrementAndGet();
            return "b";
        }));
        assertEquals(2, runs.get());

        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        Future<String> slow = pool.submit(() -> flight.run("slow", () -> {
            firstRunning.countDown();
            await(release);
            return "slow";
        }));
        assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
        assertEquals("another key is not held up by a run under way", "other",
                pool.submit(() -> flight.run("other", () -> "other")).get(10, TimeUnit.SECONDS));
        release.countDown();
        assertEquals("slow", slow.get(10, TimeUnit.SECONDS));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
