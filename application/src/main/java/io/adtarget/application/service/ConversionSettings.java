package io.adtarget.application.service;

import io.adtarget.domain.conversion.BackoffPolicy;
import io.adtarget.domain.conversion.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/** Tunables of recording and delivering conversions (config.md: DEDUP_WINDOW, DELIVERY_LEASE, RETRY_*). */
public record ConversionSettings(Duration dedupWindow, Duration deliveryLease, RetryPolicy retryPolicy,
        Duration lockTtl, Duration lockWait, int retryBatchSize) {

    public ConversionSettings {
        IdempotencySettings.requirePositive(dedupWindow, "dedupWindow");
        IdempotencySettings.requirePositive(deliveryLease, "deliveryLease");
        IdempotencySettings.requirePositive(lockTtl, "lockTtl");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(lockWait, "lockWait");
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("lockWait must not be negative");
        }
        if (retryBatchSize < 1) {
            throw new IllegalArgumentException("retryBatchSize must be >= 1");
        }
    }

    /** The documented defaults: 48 h dedup, 10 s lease, 8 attempts from 30 s, lock TTL 15 s / wait 10 s, batch 50. */
    public static ConversionSettings defaults() {
        return new ConversionSettings(Duration.ofHours(48), Duration.ofSeconds(10),
                new RetryPolicy(8, BackoffPolicy.standard(Duration.ofSeconds(30))), Duration.ofSeconds(15),
                Duration.ofSeconds(10), 50);
    }
}
