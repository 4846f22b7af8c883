package io.adtarget.persistence.pg;

import io.adtarget.application.port.ServiceUnavailableException;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the batched statements of the hot path share (issue #15; {@link StatementBatcher}). */
final class Batches {
    private static final Logger LOG = LoggerFactory.getLogger(Batches.class);
    /** Most rows one batched statement carries: 16 × 35 parameters, well within the protocol's 65,535. */
    static final int MAX_BATCH = 16;
    /**
     * Requests waiting for a batch, and how long: the bounds the connection pool's wait queue and its wait for a
     * connection set before (PgPools.Settings.defaults for 16 connections), so an overloaded or silent database
     * still answers 503 rather than holding requests without end.
     */
    static final StatementBatcher.Limits LIMITS = new StatementBatcher.Limits(1024, Duration.ofSeconds(5),
            () -> new ServiceUnavailableException(PgErrors.DEPENDENCY));

    private Batches() {
    }

    /** A batch of one: its answer once its statement is done (so the batch's slot is held until then). */
    static <R> Future<List<Future<R>>> alone(Future<R> answer) {
        return answer.transform(done -> Future.succeededFuture(List.of(done.succeeded()
                ? Future.succeededFuture(done.result()) : Future.failedFuture(done.cause()))));
    }

    /**
     * The answers of a batched statement. Its failure — and only its own, never a failure in reading what it
     * committed, which must not run any item's statement a second time — fails every item alike when Postgres is
     * unreachable; for any other reason (a deadlock Postgres broke, one row refused, a statement timeout that one
     * row's lock wait may have caused) the batch wrote nothing and each item is tried {@code alone}.
     */
    static <T, R> Future<List<Future<R>>> answers(Future<RowSet<Row>> executed, List<T> batch,
            Function<T, Future<R>> alone, Function<RowSet<Row>, List<Future<R>>> read, LongAdder fallbacks) {
        return executed.transform(done -> {
            if (done.failed()) {
                Throwable failure = done.cause();
                if (PgErrors.unavailable(failure) && !statementTimeout(failure)) {
                    return Future.failedFuture(PgErrors.translate(failure));
                }
                LOG.debug("a batch of {} failed, each is tried alone: {}", batch.size(), failure.toString());
                fallbacks.increment();
                return Future.succeededFuture(batch.stream().map(alone).toList());
            }
            try {
                return Future.succeededFuture(read.apply(done.result()));
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
        });
    }

    private static boolean statementTimeout(Throwable failure) {
        return failure instanceof PgException pg && "57014".equals(pg.getSqlState());
    }

    /** {@code text(n)} for every batch size {@code n} from 1 to {@code max}, at index {@code n}: built once. */
    static String[] bySize(int max, java.util.function.IntFunction<String> text) {
        String[] texts = new String[max + 1];
        for (int n = 1; n <= max; n++) {
            texts[n] = text.apply(n);
        }
        return texts;
    }

    /** {@code n} rows of parameters, each cast to its column's type: {@code ($1::uuid, …), (…)}. */
    static String valuesRows(int n, List<String> types) {
        int width = types.size();
        return java.util.stream.IntStream.range(0, n).mapToObj(row -> java.util.stream.IntStream.range(0, width)
                        .mapToObj(i -> "$" + (row * width + i + 1) + "::" + types.get(i))
                        .collect(java.util.stream.Collectors.joining(", ", "(", ")")))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * {@code INSERT INTO table (columns)} of {@code n} rows of cast parameters, committed without waiting for the
     * WAL flush: the statement itself turns {@code synchronous_commit} off for its own implicit transaction
     * ({@code set_config(…, true)} is {@code SET LOCAL}), so it needs no {@code BEGIN}, {@code SET LOCAL} or
     * {@code COMMIT} of its own. {@code tail} follows (ON CONFLICT, RETURNING).
     */
    static String asyncInsert(String table, String columns, List<String> types, int n, String tail) {
        return "INSERT INTO " + table + " (" + columns + ") SELECT v.* FROM (VALUES " + valuesRows(n, types)
                + ") AS v (" + columns + "), (SELECT set_config('synchronous_commit', 'off', true) AS commit_mode)"
                + " AS async WHERE async.commit_mode = 'off'" + tail;
    }

    static void append(Tuple into, Tuple values) {
        for (int i = 0; i < values.size(); i++) {
            into.addValue(values.getValue(i));
        }
    }
}
