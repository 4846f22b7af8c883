package io.adtarget.persistence.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import java.util.function.Function;

/**
 * A transaction on one borrowed connection that costs no round trip of its own (issue #15): BEGIN goes out
 * together with the body's first statements, and COMMIT right behind the body's last statement, without
 * waiting for its result. The connection pipelines them and Postgres runs them in order, so the effect is that
 * of {@link Pool#withTransaction}; a failed statement aborts the transaction and its COMMIT rolls back.
 */
final class PipelinedTransaction {
    /** The body's last statement, sent; its result arrives here. */
    record Last<T>(Future<T> result) {
    }

    private PipelinedTransaction() {
    }

    /** Runs {@code body} in a transaction; the body completes its future as soon as it has sent its last statement. */
    static <T> Future<T> run(Pool pool, Function<SqlConnection, Future<Last<T>>> body) {
        return pool.getConnection().compose(conn -> inTransaction(conn, body).eventually(conn::close));
    }

    private static <T> Future<T> inTransaction(SqlConnection conn, Function<SqlConnection, Future<Last<T>>> body) {
        Future<Transaction> begun = conn.begin();
        Future<Last<T>> sent;
        try {
            sent = body.apply(conn);
        } catch (RuntimeException e) {
            sent = Future.failedFuture(e);
        }
        return sent.compose(last -> {
            // COMMIT is queued behind the last statement at once; both answers are awaited together.
            Future<Void> committed = begun.compose(Transaction::commit);
            return Future.all(last.result(), committed).map(done -> last.result().result())
                    .recover(failure -> Future.failedFuture(last.result().failed() ? last.result().cause() : failure));
        }, failure -> begun.transform(began -> rollbackIfOpen(began.succeeded() ? began.result() : null))
                .transform(ignored -> Future.failedFuture(failure)));
    }

    /** A body that failed before its last statement leaves no open transaction on the pooled connection. */
    private static Future<Void> rollbackIfOpen(Transaction tx) {
        return tx == null || tx.completion().isComplete() ? Future.succeededFuture() : tx.rollback().otherwiseEmpty();
    }
}
