package io.adtarget.application.port.out;

import io.adtarget.application.port.in.ConversionPage;
import io.adtarget.application.port.in.ConversionQuery;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.MatchKey;
import io.adtarget.domain.conversion.UpsertDecision;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Durable conversions. Writes are optimistic and the repository owns {@code version}: a Create is
 * stored with version 1 whatever the candidate carries, every later stored change (revise, save,
 * claimDue) stores the previous version + 1, and each write returns the copy as stored.
 *
 * <p>This is the adapter surface (Postgres, the in-memory fake, the contract tests). Services depend
 * on the narrow role port they use: {@link NewConversionClaims}, {@link DeliveryOutcomes},
 * {@link DueConversionClaimer}, {@link ConversionReader}.
 */
public interface ConversionRepository
        extends NewConversionClaims, DeliveryOutcomes, DueConversionClaimer, ConversionReader {

    /**
     * Atomically for {@code candidate.matchKey()}: finds the most recent matching conversion,
     * applies {@link UpsertDecision#decide} with {@code now} and {@code window}, and stores a
     * Create (insert) or Revise (update). Concurrent upserts of one match key are serialised by
     * the store itself (not only by the caller's lock): they can never create two conversions.
     * The returned decision carries the conversion as stored (with its version); Deduplicated
     * writes nothing and carries the match as found. "Most recent" is createdAt desc, then id desc.
     */
    Future<UpsertDecision> upsert(ConversionEvent candidate, Instant now, Duration window);

    /**
     * Read-only: the most recent conversion of {@code key} created after {@code createdAfter}
     * (createdAt desc, then id desc, as {@link #upsert} orders), without locking anything.
     */
    Future<Optional<ConversionEvent>> findLatestMatch(MatchKey key, Instant createdAfter);

    /**
     * Stores {@code next} if the stored version is still {@code expectedVersion}; the result has
     * version + 1. Empty when someone else changed it first (the caller lost the race).
     */
    Future<Optional<ConversionEvent>> save(ConversionEvent next, long expectedVersion);

    Future<Optional<ConversionEvent>> findById(ConversionId id);

    /** The conversion if it exists and belongs to {@code accountId}; empty otherwise. */
    Future<Optional<ConversionEvent>> findForAccount(AccountId accountId, ConversionId id);

    /**
     * Claims up to {@code limit} conversions that are {@link ConversionEvent#isDue due} at
     * {@code now}, skipping rows another claimer holds (several workers share the work, none gets
     * a row twice), replaces each by {@code transition.apply(row)} and stores it. Returns the
     * stored results.
     */
    Future<List<ConversionEvent>> claimDue(Instant now, Duration deliveryLease, int limit,
            UnaryOperator<ConversionEvent> transition);

    /** Account-scoped listing, newest first (createdAt desc, id desc), after the cursor when given. */
    Future<ConversionPage> list(ConversionQuery query);

    /** How many FAILED retryable conversions are due at {@code now} (the retry queue depth). */
    Future<Long> countDueRetries(Instant now);
}
