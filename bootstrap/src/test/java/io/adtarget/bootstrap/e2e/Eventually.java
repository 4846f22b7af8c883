package io.adtarget.bootstrap.e2e;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for a background effect that has no future to await from outside the process (the retry
 * worker's commit, the purge job): polls the observable state until it holds or the deadline passes.
 */
public final class Eventually {
    private Eventually() {
    }

    public static <T> T until(Duration deadline, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long end = System.nanoTime() + deadline.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not reached within " + deadline + "; last state: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            last = probe.get();
        }
        return last;
    }
}
