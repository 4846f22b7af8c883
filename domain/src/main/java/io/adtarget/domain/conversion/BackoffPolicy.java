package io.adtarget.domain.conversion;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** Exponential backoff: base × 2^(attempt-1), capped, then ±jitter (a fraction, 0.2 = ±20 %). */
public record BackoffPolicy(Duration base, Duration cap, double jitter) {
    public static final Duration DEFAULT_CAP = Duration.ofHours(1);
    public static final double DEFAULT_JITTER = 0.2;

    public BackoffPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.toMillis() < 1 || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 1 ms <= base <= cap");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
    }

    public static BackoffPolicy standard(Duration base) {
        return new BackoffPolicy(base, DEFAULT_CAP.compareTo(base) < 0 ? base : DEFAULT_CAP, DEFAULT_JITTER);
    }

    /** The delay before the next attempt after {@code attempt} attempts (1-based), without jitter. */
    public Duration nominalDelay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1");
        }
        int shift = Math.min(attempt - 1, 40);
        long millis = base.toMillis();
        long capMillis = cap.toMillis();
        return Duration.ofMillis(millis > (capMillis >> shift) ? capMillis : Math.min(capMillis, millis << shift));
    }

    /** The nominal delay scaled by a factor drawn uniformly from [1 - jitter, 1 + jitter]. */
    public Duration delay(int attempt, RandomGenerator random) {
        double factor = 1.0 + (random.nextDouble() * 2.0 - 1.0) * jitter;
        return Duration.ofMillis(Math.round(nominalDelay(attempt).toMillis() * factor));
    }
}
