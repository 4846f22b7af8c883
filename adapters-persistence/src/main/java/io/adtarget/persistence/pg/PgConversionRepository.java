package io.adtarget.persistence.pg;

import static io.adtarget.persistence.pg.ConversionRows.COLUMNS;
import static io.adtarget.persistence.pg.ConversionRows.INSERT;
import static io.adtarget.persistence.pg.ConversionRows.UPDATE_IF_VERSION;

import io.adtarget.application.port.in.ConversionPage;
import io.adtarget.application.port.in.ConversionQuery;
import io.adtarget.application.port.ServiceUnavailableException;
import io.adtarget.application.port.out.ConversionRepository;
import io.adtarget.application.port.out.OutcomeCompletion;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.MatchKey;
import io.adtarget.domain.conversion.UpsertDecision;
import io.adtarget.domain.idempotency.StoredResponse;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** {@link ConversionRepository} on Postgres: advisory-locked upsert, version-checked saves, SKIP LOCKED claims. */
public final class PgConversionRepository implements ConversionRepository {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PgConversionRepository.class);
    static final String LOCK_MATCH_KEY = "SELECT pg_advisory_xact_lock($1)";
    static final String LATEST_MATCH = "SELECT " + COLUMNS + " FROM conversions WHERE site_id = $1 AND key_mode = $2"
            + " AND telegram_user_id = $3 AND channel_id = $4 AND event_type = $5 AND client_event_id = $6"
            + " ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE";
    static final String LATEST_MATCH_WITHOUT_EVENT_ID = "SELECT " + COLUMNS + " FROM conversions WHERE site_id = $1"
            + " AND key_mode = $2 AND telegram_user_id = $3 AND channel_id = $4 AND event_type = $5"
            + " AND client_event_id IS NULL ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE";
    /** The lock-free read of the dedup fast path: the match-key index, newest first, no row lock. */
    static final String FIND_LATEST_MATCH = "SELECT " + COLUMNS + " FROM conversions WHERE site_id = $1"
            + " AND key_mode = $2 AND telegram_user_id = $3 AND channel_id = $4 AND event_type = $5"
            + " AND client_event_id = $6 AND created_at > $7 ORDER BY created_at DESC, id DESC LIMIT 1";
    static final String FIND_LATEST_MATCH_WITHOUT_EVENT_ID = "SELECT " + COLUMNS + " FROM conversions"
            + " WHERE site_id = $1 AND key_mode = $2 AND telegram_user_id = $3 AND channel_id = $4"
            + " AND event_type = $5 AND client_event_id IS NULL AND created_at > $6"
            + " ORDER BY created_at DESC, id DESC LIMIT 1";
    static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM conversions WHERE id = $1";
    static final String FIND_FOR_ACCOUNT = "SELECT " + COLUMNS + " FROM conversions WHERE id = $1 AND account_id = $2";
    /** Mirrors {@link ConversionEvent#isDue}: $1 = now, $2 = now - deliveryLease. */
    static final String SELECT_DUE_FOR_UPDATE = "SELECT " + COLUMNS + " FROM conversions"
            + " WHERE (status = 'failed' AND last_error_retryable AND next_attempt_at <= $1)"
            + " OR (status = 'pending' AND ((lease_until IS NOT NULL AND lease_until <= $1)"
            + " OR (lease_until IS NULL AND updated_at <= $2)))"
            + " ORDER BY updated_at LIMIT $3 FOR UPDATE SKIP LOCKED";
    static final String COUNT_DUE_RETRIES = "SELECT count(*) FROM conversions"
            + " WHERE status = 'failed' AND last_error_retryable AND next_attempt_at <= $1";

    /**
     * Batched statements of one kind in flight at once: few, so that under load requests gather into batches (a
     * slot is busy for a statement and its durable commit, WAL flush included), and more than one, so a statement
     * executes while another's commit waits for the flush. bench/run.sh on 2 cores (claims at 4): 1 slot serialises
     * (half-load p50 31 ms), 2 → 2,771 new conversions/s, 4 → 2,394-2,566, 8 → 1,865.
     */
    static final int IN_FLIGHT = 2;

    private final Pool pool;
    private final StatementBatcher<Creation, Optional<ConversionEvent>> creations;
    private final StatementBatcher<Outcome, Optional<ConversionEvent>> outcomes;
    private final java.util.concurrent.atomic.LongAdder fallbacks = new java.util.concurrent.atomic.LongAdder();

    public PgConversionRepository(Pool pool) {
        this(pool, Batches.MAX_BATCH, IN_FLIGHT);
    }

    /** With {@code maxBatch} rows per batched statement and {@code inFlight} statements of a kind at once. */
    PgConversionRepository(Pool pool, int maxBatch, int inFlight) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.creations = new StatementBatcher<>(maxBatch, inFlight, Creation::lockKey, this::createAll,
                Batches.LIMITS);
        this.outcomes = new StatementBatcher<>(maxBatch, inFlight, outcome -> outcome.stored().id(), this::saveAll,
                Batches.LIMITS);
    }

    /** The most candidates and outcomes one statement has carried so far (for tests that must know batches formed). */
    int[] largestBatches() {
        return new int[] {creations.largestBatch(), outcomes.largestBatch()};
    }

    /** How many batches failed and had each of their items tried alone (tests: a batch statement that works). */
    long fallbacks() {
        return fallbacks.sum();
    }

    /** A candidate of {@link #createUnlessMatched}: the row, its match key's lock, its parameters (bound already). */
    private record Creation(ConversionEvent candidate, long lockKey, Tuple params) {
    }

    /** An outcome of {@link #save(ConversionEvent, long, OutcomeCompletion)}, rendered and bound. */
    private record Outcome(ConversionEvent next, long expectedVersion, ConversionEvent stored, StoredResponse response,
            Tuple params, OutcomeCompletion completion) {
    }

    /**
     * The upsert of semantics §2 under the match key's advisory lock: the latest match locked FOR UPDATE,
     * {@link UpsertDecision#decide}, the write. The common case — no recent match — does not come here: the caller
     * creates it first through {@link #createUnlessMatched} and calls this only when that found a match (or the
     * conversion is not to be delivered), so trying the one-statement creation again here would be a wasted write.
     */
    @Override
    public Future<UpsertDecision> upsert(ConversionEvent candidate, Instant now, Duration window) {
        MatchKey key = candidate.matchKey();
        return PgErrors.guard(PipelinedTransaction.run(pool, conn -> {
            // BEGIN, the lock and the SELECT go out at once (the connection pipelines them); Postgres still runs
            // them in order, and under READ COMMITTED the SELECT takes its snapshot only after the lock is held,
            // so it sees whatever the previous holder committed. The INSERT or UPDATE then goes with the COMMIT:
            // two round trips per upsert.
            Future<?> locked = conn.preparedQuery(LOCK_MATCH_KEY).execute(Tuple.of(key.digest64()));
            Future<Optional<ConversionEvent>> latest = latestMatch(conn, key);
            return Future.all(locked, latest).map(both -> new PipelinedTransaction.Last<>(
                    store(conn, UpsertDecision.decide(latest.result(), candidate, now, window))));
        }));
    }

    /**
     * {@link ConversionRows#INSERT_UNLESS_MATCHED} (migration V12): under the match key's advisory lock, the candidate
     * is inserted unless a match created after {@code now - window} exists; no row back means there is one.
     */
    @Override
    public Future<Optional<ConversionEvent>> createUnlessMatched(ConversionEvent candidate, Instant now,
            Duration window) {
        long lockKey = candidate.matchKey().digest64();
        return creations.submit(new Creation(candidate, lockKey,
                ConversionRows.insertUnlessMatchedParams(candidate, 1L, lockKey, Sql.ts(now.minus(window)))));
    }

    private Future<Optional<ConversionEvent>> createOne(Creation creation) {
        return PgErrors.guard(pool.preparedQuery(ConversionRows.INSERT_UNLESS_MATCHED).execute(creation.params())
                .map(PgConversionRepository::first));
    }

    /**
     * One statement for all the batch's candidates ({@link ConversionRows#insertUnlessMatchedBatch}), in lock-key
     * order (two batches take their advisory locks in the same order). Its failures: {@link Batches#answers}.
     */
    private Future<List<Future<Optional<ConversionEvent>>>> createAll(List<Creation> batch) {
        if (batch.size() == 1) {
            return Batches.alone(createOne(batch.get(0)));
        }
        Tuple params = Tuple.tuple();
        batch.stream().sorted(java.util.Comparator.comparingLong(Creation::lockKey))
                .forEach(creation -> Batches.append(params, creation.params()));
        String sql = ConversionRows.insertUnlessMatchedBatch(batch.size());
        return Batches.answers(pool.preparedQuery(sql).execute(params), batch, this::createOne, rows -> {
            java.util.Map<java.util.UUID, ConversionEvent> created = new java.util.HashMap<>();
            rows.forEach(row -> created.put(row.getUUID("id"), ConversionRows.from(row)));
            return batch.stream().map(creation -> Future.succeededFuture(
                    Optional.ofNullable(created.get(creation.candidate().id().value())))).toList();
        }, fallbacks);
    }

    private static Future<Optional<ConversionEvent>> latestMatch(SqlConnection conn, MatchKey key) {
        Tuple params = matchParams(key);
        String sql = key.clientEventId() != null ? LATEST_MATCH : LATEST_MATCH_WITHOUT_EVENT_ID;
        return conn.preparedQuery(sql).execute(params).map(PgConversionRepository::first);
    }

    @Override
    public Future<Optional<ConversionEvent>> findLatestMatch(MatchKey key, Instant createdAfter) {
        Tuple params = matchParams(key).addValue(Sql.ts(createdAfter));
        String sql = key.clientEventId() != null ? FIND_LATEST_MATCH : FIND_LATEST_MATCH_WITHOUT_EVENT_ID;
        return PgErrors.guard(pool.preparedQuery(sql).execute(params).map(PgConversionRepository::first));
    }

    /** $1…$5 the match key's columns, then $6 = client_event_id when it has one. */
    private static Tuple matchParams(MatchKey key) {
        Tuple params = Tuple.of(key.siteId().value(), key.keyMode().slug(), key.telegramUserId().value(),
                key.channelId().value(), key.eventType().value());
        if (key.clientEventId() != null) {
            params.addString(key.clientEventId().value());
        }
        return params;
    }

    private static Future<UpsertDecision> store(SqlConnection conn, UpsertDecision decision) {
        if (decision instanceof UpsertDecision.Create create) {
            return conn.preparedQuery(INSERT).execute(ConversionRows.insertParams(create.conversion(), 1L))
                    .map(rows -> new UpsertDecision.Create(first(rows).orElseThrow()));
        }
        if (decision instanceof UpsertDecision.Revise revise) {
            ConversionEvent next = revise.conversion();
            // the match row is locked FOR UPDATE in this transaction, so its version cannot have moved
            return conn.preparedQuery(UPDATE_IF_VERSION)
                    .execute(ConversionRows.updateParams(next, next.version()))
                    .map(rows -> new UpsertDecision.Revise(first(rows).orElseThrow(
                            () -> new IllegalStateException("locked match changed during upsert"))));
        }
        return Future.succeededFuture(decision);
    }

    @Override
    public Future<Optional<ConversionEvent>> save(ConversionEvent next, long expectedVersion) {
        return PgErrors.guard(pool.preparedQuery(UPDATE_IF_VERSION)
                .execute(ConversionRows.updateParams(next, expectedVersion))
                .map(PgConversionRepository::first));
    }

    /**
     * The outcome and the request's idempotency completion in one statement, one implicit transaction and one
     * durable commit ({@link ConversionRows#UPDATE_IF_VERSION_AND_COMPLETE}). The response is rendered before,
     * from the row exactly as the UPDATE stores it ({@link ConversionRows#asStored}), and checked against the
     * row that comes back. The outcome commits even when the completion does not apply (the request lost its
     * record); if the statement fails for any reason but the database being unreachable (or the response cannot
     * be rendered), the outcome is stored alone, so Meta's answer is never lost to its response.
     */
    @Override
    public Future<Optional<ConversionEvent>> save(ConversionEvent next, long expectedVersion,
            OutcomeCompletion completion) {
        ConversionEvent stored = ConversionRows.asStored(next, expectedVersion);
        StoredResponse response;
        Tuple params;
        try {
            response = completion.render().apply(stored);
            params = ConversionRows.updateParams(stored, expectedVersion);
            Batches.append(params, PgIdempotencyStore.completeParams(completion.scope(), completion.ownerToken(),
                    response));
        } catch (RuntimeException e) {
            LOG.warn("response of conversion {} not rendered, its outcome is stored alone: {}", next.id().value(),
                    e.toString());
            return save(next, expectedVersion);
        }
        return outcomes.submit(new Outcome(next, expectedVersion, stored, response, params, completion));
    }

    private Future<Optional<ConversionEvent>> saveOne(Outcome outcome) {
        // The fallback applies to the statement alone: once it has committed, a failure in reading its answer must
        // not be retried as a plain save (that would meet its own new version and report a lost race).
        return PgErrors.guard(pool.preparedQuery(ConversionRows.UPDATE_IF_VERSION_AND_COMPLETE)
                        .execute(outcome.params()))
                .transform(written -> {
                    if (written.failed()) {
                        return written.cause() instanceof ServiceUnavailableException
                                ? Future.failedFuture(written.cause())
                                : save(outcome.next(), outcome.expectedVersion());
                    }
                    RowSet<Row> rows = written.result();
                    return Future.succeededFuture(rows.size() == 0 ? Optional.<ConversionEvent>empty()
                            : Optional.of(committed(rows.iterator().next(), outcome)));
                });
    }

    /**
     * One statement and one commit for all the batch's outcomes ({@link ConversionRows#updateAndCompleteBatch}),
     * in id order (two batches lock their rows in the same order). If it fails for any reason but the database
     * being unreachable, nothing of it was written, and each outcome goes alone through {@link #saveOne} (with its
     * own fallback), so Meta's answers are never lost to the batch ({@link Batches#answers}). Once it committed,
     * each outcome's answer is its own: one that cannot be read fails alone.
     */
    private Future<List<Future<Optional<ConversionEvent>>>> saveAll(List<Outcome> batch) {
        if (batch.size() == 1) {
            return Batches.alone(saveOne(batch.get(0)));
        }
        Tuple params = Tuple.tuple();
        batch.stream().sorted(java.util.Comparator.comparing((Outcome outcome) -> outcome.stored().id().value()))
                .forEach(outcome -> Batches.append(params, outcome.params()));
        return Batches.answers(pool.preparedQuery(ConversionRows.updateAndCompleteBatch(batch.size())).execute(params),
                batch, this::saveOne, rows -> {
                    java.util.Map<java.util.UUID, Row> saved = new java.util.HashMap<>();
                    rows.forEach(row -> saved.put(row.getUUID("id"), row));
                    return batch.stream().map(outcome -> {
                        Row row = saved.get(outcome.stored().id().value());
                        try {
                            return Future.succeededFuture(row == null ? Optional.<ConversionEvent>empty()
                                    : Optional.of(committed(row, outcome)));
                        } catch (RuntimeException e) {
                            return Future.<Optional<ConversionEvent>>failedFuture(e);
                        }
                    }).toList();
                }, fallbacks);
    }

    /** What the committed statement wrote: the row (compared with what was rendered), and the completion told. */
    private static ConversionEvent committed(Row row, Outcome outcome) {
        ConversionEvent saved = ConversionRows.from(row);
        if (!saved.equals(outcome.stored())) {
            // the response says what asStored predicted; the record keeps it, so replays still agree
            LOG.warn("conversion {} was stored unlike its rendered response (a mapping bug)",
                    outcome.stored().id().value());
        }
        if (row.getLong("completed") == 1L) {
            // told only once the statement (its transaction) committed
            outcome.completion().onStored().accept(outcome.response());
        }
        return saved;
    }

    @Override
    public Future<Optional<ConversionEvent>> findById(ConversionId id) {
        return PgErrors.guard(pool.preparedQuery(FIND_BY_ID).execute(Tuple.of(id.value()))
                .map(PgConversionRepository::first));
    }

    @Override
    public Future<Optional<ConversionEvent>> findForAccount(AccountId accountId, ConversionId id) {
        return PgErrors.guard(pool.preparedQuery(FIND_FOR_ACCOUNT).execute(Tuple.of(id.value(), accountId.value()))
                .map(PgConversionRepository::first));
    }

    @Override
    public Future<List<ConversionEvent>> claimDue(Instant now, Duration deliveryLease, int limit,
            UnaryOperator<ConversionEvent> transition) {
        if (limit < 1) {
            return Future.succeededFuture(List.of());
        }
        return PgErrors.guard(pool.withTransaction(conn -> conn.preparedQuery(SELECT_DUE_FOR_UPDATE)
                .execute(Tuple.of(Sql.ts(now), Sql.ts(now.minus(deliveryLease)), limit))
                .compose(rows -> updateAll(conn, rows, transition))));
    }

    private static Future<List<ConversionEvent>> updateAll(SqlConnection conn, RowSet<Row> due,
            UnaryOperator<ConversionEvent> transition) {
        if (due.size() == 0) {
            return Future.succeededFuture(List.of());
        }
        List<Tuple> batch = new java.util.ArrayList<>(due.size());
        for (Row row : due) {
            ConversionEvent current = ConversionRows.from(row);
            batch.add(ConversionRows.updateParams(transition.apply(current), current.version()));
        }
        return conn.preparedQuery(UPDATE_IF_VERSION).executeBatch(batch).map(PgConversionRepository::allOfBatch);
    }

    private static List<ConversionEvent> allOfBatch(RowSet<Row> first) {
        List<ConversionEvent> out = new java.util.ArrayList<>();
        for (RowSet<Row> rs = first; rs != null; rs = rs.next()) {
            rs.forEach(row -> out.add(ConversionRows.from(row)));
        }
        return out;
    }

    @Override
    public Future<ConversionPage> list(ConversionQuery query) {
        return PgErrors.guard(ConversionListing.page(pool, query));
    }

    @Override
    public Future<Long> countDueRetries(Instant now) {
        return PgErrors.guard(pool.preparedQuery(COUNT_DUE_RETRIES).execute(Tuple.of(Sql.ts(now)))
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    static Optional<ConversionEvent> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(ConversionRows.from(rows.iterator().next()));
    }
}
