package io.adtarget.application.port.out;

import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.MatchKey;
import io.adtarget.domain.conversion.UpsertDecision;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The new-conversion side of the conversion store (transaction 1 of a new conversion: the store's
 * decision and, for a Create, the row already claimed for delivery), and the re-read of a match
 * whose delivery is in flight while the re-post waits for its outcome. Used by
 * {@code RecordConversionService}; {@link ConversionRepository} is the whole adapter surface.
 */
public interface NewConversionClaims {

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
     * The common case of {@link #upsert} alone: stores {@code candidate} (version 1) when no conversion of its match
     * key was created after {@code now - window}, serialised by the store itself against every other write of that
     * match key exactly as {@link #upsert} is; empty, writing nothing, when such a match exists (the caller then
     * decides through {@link #upsert}).
     */
    Future<Optional<ConversionEvent>> createUnlessMatched(ConversionEvent candidate, Instant now, Duration window);

    /**
     * Read-only: the most recent conversion of {@code key} created after {@code createdAfter}
     * (createdAt desc, then id desc, as {@link #upsert} orders), without locking anything.
     */
    Future<Optional<ConversionEvent>> findLatestMatch(MatchKey key, Instant createdAfter);

    /** The conversion as stored now (a re-post re-reads the in-flight match it waits for). */
    Future<Optional<ConversionEvent>> findById(ConversionId id);
}
