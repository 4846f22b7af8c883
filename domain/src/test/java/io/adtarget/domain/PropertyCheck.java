package io.adtarget.domain;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs a property over many random trials from one seed, so that any failure can be replayed:
 * the seed is printed with the failure, and {@code -Dadtarget.seed=<seed>} reruns exactly those trials.
 */
public final class PropertyCheck {
    private PropertyCheck() {
    }

    public static void forAll(String property, int trials, Consumer<Random> trial) {
        long seed = Long.getLong("adtarget.seed", System.nanoTime());
        Random random = new Random(seed);
        int i = 0;
        try {
            for (; i < trials; i++) {
                trial.accept(random);
            }
        } catch (AssertionError | RuntimeException e) {
            String message = "property '" + property + "' failed at trial " + i + " with seed " + seed
                    + " (rerun with -Dadtarget.seed=" + seed + ")";
            System.err.println(message);
            throw new AssertionError(message, e);
        }
    }
}
