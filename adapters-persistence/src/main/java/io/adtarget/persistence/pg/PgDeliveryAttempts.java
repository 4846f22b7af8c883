package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.DeliveryAttemptHistory;
import io.adtarget.application.port.out.DeliveryAttemptLog;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.DeliveryAttempt;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attempt log on Postgres. {@link #record} only queues the row; one writer at a time drains the
 * queue in batches, each batch one multi-row statement with {@code synchronous_commit = off}: no WAL
 * flush is waited for, no conversion row is touched, and a row lost in a crash costs only history.
 * A full queue (Postgres away for long) drops new rows and counts them rather than grow without bound.
 *
 * <p>With a {@code linger}, a writer that finds the queue short of a full batch waits that long before it drains
 * it, and so does the writer after each batch while rows remain (issue #15): below a few hundred deliveries a
 * second each attempt otherwise went alone, a statement and a commit per new conversion on top of its two; with
 * 20 ms, 500 deliveries a second go ~10 to a statement. Nothing waits for it (a request's answer never did), but
 * an attempt shows in the API up to {@code linger} later (the console and the tests read it eventually).
 */
public final class PgDeliveryAttempts implements DeliveryAttemptLog, DeliveryAttemptHistory {
    private static final Logger LOG = LoggerFactory.getLogger(PgDeliveryAttempts.class);
    static final int MAX_QUEUED = 10_000;
    /** Rows per statement: 32 × 11 parameters; the writer sends one statement after another. */
    static final int MAX_BATCH = 32;
    private static final List<String> TYPES = List.of("uuid", "uuid", "uuid", "integer", "timestamptz", "text",
            "integer", "integer", "integer", "text", "integer");
    private static final String ATTEMPT_COLUMNS = "conversion_id, account_id, site_id, attempt_number, attempted_at,"
            + " outcome, http_status, meta_code, meta_subcode, fbtrace_id, latency_ms";
    private static final String[] INSERTS = Batches.bySize(MAX_BATCH, PgDeliveryAttempts::insert);

    /**
     * {@code n} rows in one statement (one executor run, not {@code n}: issue #15); the statement itself turns
     * {@code synchronous_commit} off for its transaction (the claim's {@code set_config} device), so it needs no
     * {@code BEGIN}, {@code SET LOCAL} or {@code COMMIT} of its own: one round trip. Every parameter is cast (a
     * VALUES list infers no type from the table; the columns' domains, V11, check on assignment).
     */
    static String insert(int n) {
        return Batches.asyncInsert("delivery_attempts", ATTEMPT_COLUMNS, TYPES, n, "");
    }

    static final String OF_CONVERSION = "SELECT conversion_id, account_id, site_id, attempt_number, attempted_at,"
            + " outcome, http_status, meta_code, meta_subcode, fbtrace_id, latency_ms FROM delivery_attempts"
            + " WHERE conversion_id = $1 ORDER BY attempted_at DESC, id DESC LIMIT $2";
    static final String PURGE = "DELETE FROM delivery_attempts WHERE id IN (SELECT id FROM delivery_attempts"
            + " WHERE attempted_at < $1 LIMIT $2)";

    private final Pool pool;
    private final Queue<DeliveryAttempt> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final List<Promise<Void>> drainWaiters = new ArrayList<>();

    private final Vertx vertx;
    private final long lingerMillis;
    private final LongAdder statements = new LongAdder();

    /** Each batch written as soon as the previous one is (no linger). */
    public PgDeliveryAttempts(Pool pool) {
        this(pool, null, Duration.ZERO);
    }

    /** A writer that starts on a queue short of a full batch waits {@code linger} first (timers of {@code vertx}). */
    public PgDeliveryAttempts(Pool pool, Vertx vertx, Duration linger) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.lingerMillis = linger.isZero() ? 0 : Math.max(1, linger.toMillis());
        if (lingerMillis > 0 && vertx == null) {
            throw new IllegalArgumentException("a linger needs a Vertx for its timer");
        }
        this.vertx = vertx;
    }

    @Override
    public void record(DeliveryAttempt attempt) {
        if (attempt == null) {
            return;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            long lost = dropped.incrementAndGet();
            if (lost == 1 || lost % 1000 == 0) {
                LOG.warn("delivery attempt log full ({} queued): {} attempt record(s) dropped so far", MAX_QUEUED, lost);
            }
            return;
        }
        queue.add(attempt);
        writeSoon();
    }

    @Override
    public Future<List<DeliveryAttempt>> ofConversion(ConversionId conversionId, int limit) {
        return PgErrors.guard(pool.preparedQuery(OF_CONVERSION).execute(Tuple.of(conversionId.value(), limit))
                .map(rows -> {
                    List<DeliveryAttempt> attempts = new ArrayList<>();
                    for (Row row : rows) {
                        attempts.add(attempt(row));
                    }
                    Collections.reverse(attempts);
                    return attempts;
                }));
    }

    @Override
    public Future<Integer> purgeBatch(Instant cutoff, int limit) {
        return PgErrors.guard(pool.preparedQuery(PURGE).execute(Tuple.of(Sql.ts(cutoff), limit))
                .map(RowSet::rowCount));
    }

    /** Completes once every attempt recorded so far has been written (or given up on); for shutdown and tests. */
    public synchronized Future<Void> drained() {
        if (queued.get() == 0 && !writing.get()) {
            return Future.succeededFuture();
        }
        Promise<Void> waiter = Promise.promise();
        drainWaiters.add(waiter);
        return waiter.future();
    }

    /** Attempts dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Statements written so far (tests: that a linger gathered attempts). */
    long statements() {
        return statements.sum();
    }

    private void writeSoon() {
        if (writing.compareAndSet(false, true)) {
            writeNext();
        }
    }

    private void writeBatch() {
        List<DeliveryAttempt> batch = new ArrayList<>();
        for (DeliveryAttempt next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            writing.set(false);
            if (!queue.isEmpty()) {
                writeSoon();
            } else {
                releaseDrainWaiters();
            }
            return;
        }
        Future<Void> written;
        try {
            Tuple params = Tuple.tuple();
            batch.forEach(attempt -> append(params, attempt));
            statements.increment();
            written = pool.preparedQuery(INSERTS[batch.size()]).execute(params).mapEmpty();
        } catch (RuntimeException e) {
            written = Future.failedFuture(e);
        }
        written.onComplete(result -> {
            queued.addAndGet(-batch.size());
            if (result.failed()) {
                LOG.warn("could not write {} delivery attempt record(s): {}", batch.size(),
                        result.cause().toString());
            }
            writeNext();
        });
    }

    /** The writer's next batch: at once when a full one is waiting (or without a linger), else after the linger. */
    private void writeNext() {
        if (lingerMillis > 0 && !queue.isEmpty() && queued.get() < MAX_BATCH) {
            vertx.setTimer(lingerMillis, id -> writeBatch());
        } else {
            writeBatch();
        }
    }

    private synchronized void releaseDrainWaiters() {
        if (queued.get() != 0 || writing.get()) {
            return;
        }
        List<Promise<Void>> waiters = List.copyOf(drainWaiters);
        drainWaiters.clear();
        waiters.forEach(Promise::tryComplete);
    }

    private static void append(Tuple params, DeliveryAttempt a) {
        params.addValue(a.conversionId().value()).addValue(a.accountId().value()).addValue(a.siteId().value())
                .addValue(a.attemptNumber()).addValue(Sql.ts(a.attemptedAt())).addValue(a.outcome())
                .addValue(a.httpStatus()).addValue(a.metaCode()).addValue(a.metaSubcode()).addValue(a.fbtraceId())
                .addValue((int) Math.min(Integer.MAX_VALUE, a.latencyMs()));
    }

    private static DeliveryAttempt attempt(Row row) {
        return new DeliveryAttempt(new ConversionId(row.getUUID("conversion_id")),
                new AccountId(row.getUUID("account_id")), new SiteId(row.getUUID("site_id")),
                row.getInteger("attempt_number"), Sql.instant(row.getOffsetDateTime("attempted_at")),
                row.getString("outcome"), row.getInteger("http_status"), row.getInteger("meta_code"),
                row.getInteger("meta_subcode"), row.getString("fbtrace_id"), row.getInteger("latency_ms"));
    }
}
