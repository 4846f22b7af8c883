package io.adtarget.persistence.pg;

import io.adtarget.application.port.ServiceUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/** Turns "Postgres cannot answer" failures into {@link ServiceUnavailableException}; others pass through. */
final class PgErrors {
    static final String DEPENDENCY = "postgres";

    private PgErrors() {
    }

    static <T> Future<T> guard(Future<T> operation) {
        return operation.recover(failure -> Future.failedFuture(translate(failure)));
    }

    static Throwable translate(Throwable failure) {
        if (failure instanceof ServiceUnavailableException) {
            return failure;
        }
        return unavailable(failure) ? new ServiceUnavailableException(DEPENDENCY, failure) : failure;
    }

    static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException // connection refused, reset, closed channel
                    || t instanceof TimeoutException // pool wait timeout
                    || t instanceof ConnectionPoolTooBusyException // wait queue full
                    || t instanceof ClosedConnectionException
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
            if (t instanceof PgException pg && unavailableState(pg.getSqlState())) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            // the pool reports its wait timeout as a plain VertxException
            if (t instanceof io.vertx.core.VertxException && message.startsWith("Timeout waiting for connection")) {
                return true;
            }
            if (t.getClass().getName().startsWith("io.netty.channel.") && message.contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }

    /** Connection exceptions (08), resources (53), operator intervention (57: shutdown, statement timeout). */
    private static boolean unavailableState(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57"));
    }
}
