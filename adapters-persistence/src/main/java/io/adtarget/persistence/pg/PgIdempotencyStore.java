package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.IdempotencyStore;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.adtarget.domain.shared.ApiKeyId;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link IdempotencyStore} on Postgres: each method is one atomic statement (a claim retries in a rare race);
 * concurrent requests' fresh claims share one statement ({@link #freshClaims}).
 */
public final class PgIdempotencyStore implements IdempotencyStore {
    static final String COLUMNS = "api_key_id, idem_key, owner_token, created_at, lease_until, response_status,"
            + " response_content_type, response_body, conversion_id, fingerprint";
    /** The take-over condition: $7 = now (lease expired), $8 = now - replayWindow (completed and stale). */
    static final String CLAIMABLE = "((response_status IS NULL AND lease_until <= $7)"
            + " OR (response_status IS NOT NULL AND created_at <= $8))";
    /**
     * The whole claim in one statement (one round trip for a fresh claim and for a replay): insert
     * the candidate; on conflict take over a claimable record (the UPDATE re-checks the condition on
     * the newest row version after a concurrent writer commits, so of concurrent take-overs exactly
     * one matches); else return the existing record, {@code claimed = false}. All three parts read
     * the statement's snapshot, so a record committed after it began (it made the insert conflict)
     * is invisible to the other two: the statement then returns no row, or an old claimable version,
     * and {@link #claim} asks again with a new snapshot.
     *
     * <p>The claim's own transaction commits without waiting for the WAL flush
     * ({@code set_config(…, true)} is {@code SET LOCAL}: it ends with that transaction, so complete
     * and release on the same connection stay synchronous). Safe because every response that
     * leaves with a 2xx was first stored by {@link #complete}, a synchronous commit that flushes
     * the WAL up to itself and so the claim too; a claim lost in a crash belongs to a request that
     * got no 2xx, and re-executing it is harmless (docs/architecture.md §9).
     */
    static final String CLAIM = "WITH ins AS (INSERT INTO idempotency_records (api_key_id, idem_key, owner_token,"
            + " created_at, lease_until, fingerprint)"
            + " SELECT $1::uuid, $2::text, $3::text, $4::timestamptz, $5::timestamptz, $6::text"
            + " FROM (SELECT set_config('synchronous_commit', 'off', true) AS commit_mode) AS async"
            + " WHERE async.commit_mode = 'off'"
            + " ON CONFLICT (api_key_id, idem_key) DO NOTHING RETURNING " + COLUMNS + "),"
            + " upd AS (UPDATE idempotency_records SET owner_token = $3, created_at = $4,"
            + " lease_until = $5, fingerprint = $6, response_status = NULL, response_content_type = NULL,"
            + " response_body = NULL, conversion_id = NULL"
            + " WHERE api_key_id = $1 AND idem_key = $2 AND " + CLAIMABLE + " AND NOT EXISTS (SELECT 1 FROM ins)"
            + " RETURNING " + COLUMNS + ")"
            + " SELECT true AS claimed, " + COLUMNS + " FROM ins"
            + " UNION ALL SELECT true AS claimed, " + COLUMNS + " FROM upd"
            + " UNION ALL SELECT false AS claimed, " + COLUMNS + " FROM idempotency_records"
            + " WHERE api_key_id = $1 AND idem_key = $2 AND NOT EXISTS (SELECT 1 FROM ins)"
            + " AND NOT EXISTS (SELECT 1 FROM upd)";
    static final String FIND = "SELECT " + COLUMNS + " FROM idempotency_records WHERE api_key_id = $1 AND idem_key = $2";
    static final String COMPLETE = "UPDATE idempotency_records SET response_status = $4::integer, response_content_type = $5,"
            + " response_body = $6, conversion_id = $7"
            + " WHERE api_key_id = $1 AND idem_key = $2 AND owner_token = $3 AND response_status IS NULL";
    static final String RELEASE = "DELETE FROM idempotency_records"
            + " WHERE api_key_id = $1 AND idem_key = $2 AND owner_token = $3 AND response_status IS NULL";
    /**
     * Bounded purge, oldest first. The conditions are repeated outside the sub-select: a record
     * re-claimed meanwhile gets a new row version (and created_at) and is left alone.
     */
    static final String PURGE_BATCH = "DELETE FROM idempotency_records WHERE ctid = ANY (ARRAY ("
            + "SELECT ctid FROM idempotency_records WHERE created_at <= $1"
            + " AND NOT (response_status IS NULL AND lease_until > $2) ORDER BY created_at LIMIT $3))"
            + " AND created_at <= $1 AND NOT (response_status IS NULL AND lease_until > $2)";
    private static final int CLAIM_ROUNDS = 5;
    private static final String FRESH_COLUMNS =
            "api_key_id, idem_key, owner_token, created_at, lease_until, fingerprint";

    private final Pool pool;
    private final StatementBatcher<Claim, ClaimOutcome> claims;
    private final java.util.concurrent.atomic.LongAdder fallbacks = new java.util.concurrent.atomic.LongAdder();

    /** A request's claim: its candidate record, the instant and the replay window it is judged by. */
    private record Claim(IdempotencyRecord candidate, Instant now, Duration window) {
    }

    /**
     * Claim statements in flight at once: more than the conversions' batches
     * ({@link PgConversionRepository#IN_FLIGHT}), since a claim commits without waiting for the WAL flush and holds its slot only while it executes.
     */
    static final int CLAIMS_IN_FLIGHT = 4;

    public PgIdempotencyStore(Pool pool) {
        this(pool, Batches.MAX_BATCH, CLAIMS_IN_FLIGHT);
    }

    /** With {@code maxBatch} claims per batched statement and {@code inFlight} claim statements at once. */
    PgIdempotencyStore(Pool pool, int maxBatch, int inFlight) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.claims = new StatementBatcher<>(maxBatch, inFlight, claim -> claim.candidate().scope(), this::claimAll,
                Batches.LIMITS);
    }

    @Override
    public Future<ClaimOutcome> claim(IdempotencyRecord candidate, Instant now, Duration replayWindow) {
        if (candidate.completed()) {
            return Future.failedFuture(new IllegalArgumentException("a claim stores an in-flight record"));
        }
        return claims.submit(new Claim(candidate, now, replayWindow));
    }

    /** The most claims one statement has carried so far (for tests that must know batches formed). */
    int largestBatch() {
        return claims.largestBatch();
    }

    /** How many batches failed and had each of their claims go alone (tests: a batch statement that works). */
    long fallbacks() {
        return fallbacks.sum();
    }

    private Future<ClaimOutcome> claimOne(Claim claim) {
        return PgErrors.guard(claimRound(claim.candidate(), claim.now(), claim.window(), 1));
    }

    /**
     * The claims of concurrent requests (issue #15): one statement inserts every candidate whose key has no record
     * ({@link #freshClaims}); those are claimed. A key that has one (a replay, a request in flight, a record to
     * take over) goes through the whole protocol of {@link #claimRound}, as does every claim of a batch that failed
     * for any reason but an unreachable database ({@link Batches#answers}). The rows go in key order, so two
     * batches meet each other's keys in the same order.
     */
    private Future<List<Future<ClaimOutcome>>> claimAll(List<Claim> batch) {
        if (batch.size() == 1) {
            return Batches.alone(claimOne(batch.get(0)));
        }
        Tuple params = Tuple.tuple();
        batch.stream().map(Claim::candidate)
                .sorted(java.util.Comparator.comparing((IdempotencyRecord c) -> c.scope().apiKeyId().value())
                        .thenComparing(c -> c.scope().key().value()))
                .forEach(c -> params.addValue(c.scope().apiKeyId().value()).addValue(c.scope().key().value())
                        .addValue(c.ownerToken()).addValue(Sql.ts(c.createdAt())).addValue(Sql.ts(c.leaseUntil()))
                        .addValue(c.fingerprint()));
        return Batches.answers(pool.preparedQuery(freshClaims(batch.size())).execute(params), batch, this::claimOne,
                rows -> {
                    Map<IdempotencyScope, IdempotencyRecord> inserted = new HashMap<>();
                    rows.forEach(row -> {
                        IdempotencyRecord found = record(row);
                        inserted.put(found.scope(), found);
                    });
                    return batch.stream().map(claim -> {
                        IdempotencyRecord mine = inserted.get(claim.candidate().scope());
                        return mine != null ? Future.<ClaimOutcome>succeededFuture(new ClaimOutcome.Claimed(mine))
                                : claimOne(claim);
                    }).toList();
                }, fallbacks);
    }

    /**
     * {@code n} fresh records in one statement, committed without waiting for the WAL flush (as {@link #CLAIM});
     * a key that already has a record is left alone and comes back in no row.
     */
    static String freshClaims(int n) {
        return n <= Batches.MAX_BATCH ? FreshClaims.TEXTS[n] : freshClaimsText(n);
    }

    /** {@link #freshClaims}' texts for every batch size, built once (after the column lists they are made of). */
    private static final class FreshClaims {
        static final String[] TEXTS = Batches.bySize(Batches.MAX_BATCH, PgIdempotencyStore::freshClaimsText);
    }

    private static String freshClaimsText(int n) {
        return Batches.asyncInsert("idempotency_records", FRESH_COLUMNS,
                List.of("uuid", "text", "text", "timestamptz", "timestamptz", "text"), n,
                " ON CONFLICT (api_key_id, idem_key) DO NOTHING RETURNING " + COLUMNS);
    }

    private Future<ClaimOutcome> claimRound(IdempotencyRecord candidate, Instant at, Duration window, int round) {
        // Postgres keeps microseconds: judge the returned record by the same instant the SQL compared
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        IdempotencyScope scope = candidate.scope();
        Tuple params = Tuple.of(scope.apiKeyId().value(), scope.key().value(), candidate.ownerToken(),
                Sql.ts(candidate.createdAt()), Sql.ts(candidate.leaseUntil()), candidate.fingerprint(),
                Sql.ts(now), Sql.ts(now.minus(window)));
        return pool.preparedQuery(CLAIM).execute(params).compose(rows -> {
            if (rows.size() > 0) {
                Row row = rows.iterator().next();
                IdempotencyRecord found = record(row);
                if (row.getBoolean("claimed")) {
                    return Future.succeededFuture(new ClaimOutcome.Claimed(found));
                }
                if (!found.claimable(now, window)) {
                    return Future.succeededFuture(new ClaimOutcome.Existing(found));
                }
            }
            // Rare: the insert conflicted with a record committed after the statement's snapshot (no
            // row), or a concurrent writer took over, released or purged the claimable version we saw.
            // Claim again with a new snapshot (bounded; each round follows another request's commit).
            if (round >= CLAIM_ROUNDS) {
                return Future.failedFuture(new IllegalStateException("idempotency claim kept racing"));
            }
            return claimRound(candidate, now, window, round + 1);
        });
    }

    @Override
    public Future<Boolean> complete(IdempotencyScope scope, String ownerToken, StoredResponse response) {
        return PgErrors.guard(pool.preparedQuery(COMPLETE).execute(completeParams(scope, ownerToken, response))
                .map(rows -> rows.rowCount() == 1));
    }

    /** The parameters of {@link #COMPLETE} (also run inside a delivery outcome's transaction, #15). */
    static Tuple completeParams(IdempotencyScope scope, String ownerToken, StoredResponse response) {
        return Tuple.of(scope.apiKeyId().value(), scope.key().value(), ownerToken, response.status(),
                response.contentType(), Buffer.buffer(response.body()),
                response.conversionId() == null ? null : response.conversionId().value());
    }

    @Override
    public Future<Void> release(IdempotencyScope scope, String ownerToken) {
        return PgErrors.guard(pool.preparedQuery(RELEASE)
                .execute(Tuple.of(scope.apiKeyId().value(), scope.key().value(), ownerToken)).mapEmpty());
    }

    @Override
    public Future<Optional<IdempotencyRecord>> find(IdempotencyScope scope) {
        return PgErrors.guard(pool.preparedQuery(FIND).execute(Tuple.of(scope.apiKeyId().value(), scope.key().value()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(record(rows.iterator().next()))));
    }

    @Override
    public Future<Integer> purgeBatch(Instant createdBefore, Instant now, int batchSize) {
        if (batchSize < 1) {
            return Future.succeededFuture(0);
        }
        return PgErrors.guard(pool.preparedQuery(PURGE_BATCH)
                .execute(Tuple.of(Sql.ts(createdBefore), Sql.ts(now), batchSize)).map(RowSet::rowCount));
    }

    static IdempotencyRecord record(Row r) {
        IdempotencyScope scope = new IdempotencyScope(new ApiKeyId(r.getUUID("api_key_id")),
                new IdempotencyKey(r.getString("idem_key")));
        Integer status = r.getInteger("response_status");
        UUID conversionId = r.getUUID("conversion_id");
        StoredResponse response = status == null ? null : new StoredResponse(status,
                r.getString("response_content_type"), r.getBuffer("response_body").getBytes(),
                conversionId == null ? null : new ConversionId(conversionId));
        return new IdempotencyRecord(scope, r.getString("owner_token"), Sql.instant(r.getOffsetDateTime("created_at")),
                Sql.instant(r.getOffsetDateTime("lease_until")), response, r.getString("fingerprint"));
    }
}
