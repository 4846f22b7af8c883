package io.adtarget.application.port.out;

import io.adtarget.domain.conversion.ConversionEvent;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The retry side of the conversion store: claiming due rows for the retry worker, the optimistic
 * write of a row it decides to skip, and the retry-queue depth. Used by
 * {@code RetryDueConversionsService} and the retry metrics.
 */
public interface DueConversionClaimer {

    /**
     * Claims up to {@code limit} conversions that are {@link ConversionEvent#isDue due} at
     * {@code now}, skipping rows another claimer holds (several workers share the work, none gets
     * a row twice), replaces each by {@code transition.apply(row)} and stores it. Returns the
     * stored results.
     */
    Future<List<ConversionEvent>> claimDue(Instant now, Duration deliveryLease, int limit,
            UnaryOperator<ConversionEvent> transition);

    /**
     * Stores {@code next} if the stored version is still {@code expectedVersion}; the result has
     * version + 1. Empty when someone else changed it first (the caller lost the race).
     */
    Future<Optional<ConversionEvent>> save(ConversionEvent next, long expectedVersion);

    /** How many FAILED retryable conversions are due at {@code now} (the retry queue depth). */
    Future<Long> countDueRetries(Instant now);
}
