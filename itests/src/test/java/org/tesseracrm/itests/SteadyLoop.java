package org.tesseracrm.itests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A client reading one path as fast as it can on its own thread, counting what fails. */
final class SteadyLoop implements Runnable {
    final AtomicInteger requests = new AtomicInteger();
    final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Api api;
    private final String path;
    private final Thread thread;

    SteadyLoop(Api api, String path) {
        this.api = api;
        this.path = path;
        this.thread = new Thread(this, "steady-loop " + path);
    }

    SteadyLoop start() {
        thread.start();
        return this;
    }

    void stop() throws InterruptedException {
        running.set(false);
        thread.join(30_000);
    }

    @Override
    public void run() {
        while (running.get()) {
            try {
                Api.Reply r = api.get(path);
                if (r.status != 200) {
                    failures.add(r.toString());
                }
            } catch (RuntimeException e) {
                failures.add(e.toString());
            }
            requests.incrementAndGet();
        }
    }
}
