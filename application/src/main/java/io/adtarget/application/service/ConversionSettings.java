package io.adtarget.application.service;

import io.adtarget.domain.conversion.BackoffPolicy;
import io.adtarget.domain.conversion.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of recording and delivering conversions (config.md: DEDUP_WINDOW, DELIVERY_LEASE, RETRY_*).
 * {@code sendTimeout} is the longest one Meta call may take (META_TIMEOUT): a claim with less lease
 * left than {@link #leaseNeededToSend()} is not sent, so no other sender can start while we wait for Meta
 * or store its answer.
 */
public record ConversionSettings(Duration dedupWindow, Duration deliveryLease, RetryPolicy retryPolicy,
        Duration lockTtl, Duration lockWait, int retryBatchSize, Duration sendTimeout) {

    public ConversionSettings {
        IdempotencySettings.requirePositive(dedupWindow, "dedupWindow");
        IdempotencySettings.requirePositive(deliveryLease, "deliveryLease");
        IdempotencySettings.requirePositive(lockTtl, "lockTtl");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(lockWait, "lockWait");
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("lockWait must not be negative");
        }
        IdempotencySettings.requirePositive(sendTimeout, "sendTimeout");
        if (!leaseOutlastsSendTimeout(deliveryLease, sendTimeout)) {
            throw new IllegalArgumentException("deliveryLease must exceed sendTimeout");
        }
        if (retryBatchSize < 1) {
            throw new IllegalArgumentException("retryBatchSize must be >= 1");
        }
    }

    /** The rule between DELIVERY_LEASE and META_TIMEOUT: a claim must outlast one whole Meta call. */
    public static boolean leaseOutlastsSendTimeout(Duration deliveryLease, Duration sendTimeout) {
        return deliveryLease.compareTo(sendTimeout) > 0;
    }

    /**
     * How much of its delivery lease a claim must still hold to call Meta: one whole call plus half of the
     * lease's remaining slack, kept for storing Meta's answer (the other half may be spent before the call,
     * in the claim's own round trips). With the defaults: 1.5 s + 4.25 s of the 10 s lease.
     */
    public Duration leaseNeededToSend() {
        return sendTimeout.plus(deliveryLease.minus(sendTimeout).dividedBy(2));
    }

    /**
     * The documented defaults: 48 h dedup, 10 s lease, 8 attempts from 30 s, batch 50, 1.5 s Meta calls; match-key lock
     * TTL 5 s (renewed every ttl/3 while held, so it only bounds a crashed holder) below its 10 s wait.
     */
    public static ConversionSettings defaults() {
        return new ConversionSettings(Duration.ofHours(48), Duration.ofSeconds(10),
                new RetryPolicy(8, BackoffPolicy.standard(Duration.ofSeconds(30))), Duration.ofSeconds(5),
                Duration.ofSeconds(10), 50, Duration.ofMillis(1500));
    }
}
