package io.adtarget.application.service;

import io.adtarget.domain.idempotency.FingerprintMode;
import java.time.Duration;
import java.util.Objects;

/** Tunables of the idempotency protocol and its purge job (config.md, IDEMPOTENCY_*). */
public record IdempotencySettings(Duration replayWindow, Duration retention, Duration lease, Duration inflightWait,
        Duration pollInterval, FingerprintMode fingerprintMode, int purgeBatchSize) {

    public IdempotencySettings {
        requirePositive(replayWindow, "replayWindow");
        requirePositive(retention, "retention");
        requirePositive(lease, "lease");
        requirePositive(pollInterval, "pollInterval");
        Objects.requireNonNull(inflightWait, "inflightWait");
        Objects.requireNonNull(fingerprintMode, "fingerprintMode");
        if (inflightWait.isNegative()) {
            throw new IllegalArgumentException("inflightWait must not be negative");
        }
        if (purgeBatchSize < 1) {
            throw new IllegalArgumentException("purgeBatchSize must be >= 1");
        }
    }

    /** The documented defaults: 24 h window, 48 h retention, 30 s lease, 5 s wait, 25 ms polls, fingerprint off. */
    public static IdempotencySettings defaults() {
        return new IdempotencySettings(Duration.ofHours(24), Duration.ofHours(48), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofMillis(25), FingerprintMode.OFF, 1000);
    }

    public IdempotencySettings withFingerprintMode(FingerprintMode mode) {
        return new IdempotencySettings(replayWindow, retention, lease, inflightWait, pollInterval, mode,
                purgeBatchSize);
    }

    static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
