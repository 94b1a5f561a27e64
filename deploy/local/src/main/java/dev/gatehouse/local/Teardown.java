package dev.gatehouse.local;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops what was started, last first, so that PostgreSQL outlives the services that use it. A step added after the
 * teardown ran (Ctrl-C in the middle of a start) runs at once, so nothing started late is left behind.
 */
final class Teardown {

    private static final Logger LOG = LoggerFactory.getLogger(Teardown.class);

    /** One thing to stop. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private record Named(String name, Step step) {
    }

    private final Deque<Named> steps = new ArrayDeque<>();
    private boolean done;

    void add(String name, Step step) {
        synchronized (this) {
            if (!done) {
                steps.push(new Named(name, step));
                return;
            }
        }
        run(new Named(name, step));
    }

    void runAll() {
        while (true) {
            Named next;
            synchronized (this) {
                done = true;
                next = steps.poll();
            }
            if (next == null) {
                return;
            }
            run(next);
        }
    }

    private static void run(Named named) {
        try {
            named.step().run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Stopping {} failed: {}", named.name(), e.toString());
        }
    }
}
