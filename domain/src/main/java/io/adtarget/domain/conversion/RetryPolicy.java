package io.adtarget.domain.conversion;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** When to retry a failed delivery and when to give up (semantics §3). */
public record RetryPolicy(int maxAttempts, BackoffPolicy backoff, Duration maxEventAge) {
    /** Meta refuses events older than 7 days. */
    public static final Duration META_MAX_EVENT_AGE = Duration.ofDays(7);

    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxEventAge, "maxEventAge");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
    }

    public RetryPolicy(int maxAttempts, BackoffPolicy backoff) {
        this(maxAttempts, backoff, META_MAX_EVENT_AGE);
    }

    /** The failure to record after a failed attempt, with the time of the next one when retryable. */
    public record Failure(DeliveryError error, Instant nextAttemptAt) {
    }

    /** Classifies a failed attempt of a claimed conversion into the failure to record. */
    public Failure afterFailedAttempt(ConversionEvent claimed, DeliveryError error, Instant now,
            RandomGenerator random) {
        return afterFailedAttempt(claimed, error, now, random, Duration.ZERO);
    }

    /**
     * As above, with a floor Meta asked for (its {@code Retry-After} or estimated time to regain
     * access): the next attempt is never earlier than {@code now + floor}.
     */
    public Failure afterFailedAttempt(ConversionEvent claimed, DeliveryError error, Instant now,
            RandomGenerator random, Duration floor) {
        Objects.requireNonNull(floor, "floor");
        if (!error.retryable()) {
            return new Failure(error, null);
        }
        if (claimed.attempts() >= maxAttempts) {
            return new Failure(error.terminal(DeliveryErrorCode.ATTEMPTS_EXHAUSTED), null);
        }
        Duration delay = backoff.delay(claimed.attempts(), random);
        Instant next = now.plus(delay.compareTo(floor) >= 0 ? delay : floor);
        if (tooOld(claimed.details().eventTime(), next)) {
            return new Failure(error.terminal(DeliveryErrorCode.EVENT_TOO_OLD), null);
        }
        return new Failure(error, next);
    }

    /** Why a due conversion must not be attempted again, if it must not. */
    public Optional<DeliveryErrorCode> giveUpReason(ConversionEvent due, Instant now) {
        if (tooOld(due.details().eventTime(), now)) {
            return Optional.of(DeliveryErrorCode.EVENT_TOO_OLD);
        }
        if (due.attempts() >= maxAttempts) {
            return Optional.of(DeliveryErrorCode.ATTEMPTS_EXHAUSTED);
        }
        return Optional.empty();
    }

    /** Whether an event of {@code eventTime} would be refused by Meta at {@code sendTime}. */
    public boolean tooOld(Instant eventTime, Instant sendTime) {
        return !eventTime.plus(maxEventAge).isAfter(sendTime);
    }
}
