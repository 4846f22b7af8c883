package io.adtarget.persistence.pg;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** Builds the Postgres connection pool from a {@code postgresql://} (or {@code postgres://}) URL. */
public final class PgPools {

    /** Tuning of one pool; {@link #defaults(int)} is what production uses. */
    public record Settings(int maxSize, int maxWaitQueue, Duration connectTimeout, Duration poolWaitTimeout,
            Duration statementTimeout, Duration idleTimeout) {
        public Settings {
            if (maxSize < 1) {
                throw new IllegalArgumentException("pool size must be >= 1");
            }
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(poolWaitTimeout, "poolWaitTimeout");
            Objects.requireNonNull(statementTimeout, "statementTimeout");
            Objects.requireNonNull(idleTimeout, "idleTimeout");
        }

        /** Waiters bounded at 64 per connection; 2 s to connect, 5 s for a free connection, 5 s per statement. */
        public static Settings defaults(int maxSize) {
            return new Settings(maxSize, Math.max(64, maxSize * 64), Duration.ofSeconds(2), Duration.ofSeconds(5),
                    Duration.ofSeconds(5), Duration.ofSeconds(60));
        }
    }

    private PgPools() {
    }

    public static Pool create(Vertx vertx, String databaseUrl, int maxSize) {
        return create(vertx, databaseUrl, Settings.defaults(maxSize));
    }

    public static Pool create(Vertx vertx, String databaseUrl, Settings settings) {
        PgConnectOptions connect = connectOptions(databaseUrl)
                .setCachePreparedStatements(true)
                .setPreparedStatementCacheMaxSize(256)
                // The batched statements of the hot path (PgConversionRepository, up to 16 rows: ~10,000
                // characters) are far longer than the client's default limit of 2,048, past which a statement
                // is parsed and planned again for every execution.
                .setPreparedStatementCacheSqlLimit(16_384)
                .setPipeliningLimit(256)
                // With tracing on, a query made for a traced request is a child span of it (statement
                // text only, never the bound values); queries of the background workers make none.
                .setTracingPolicy(TracingPolicy.PROPAGATE)
                .setProperties(Map.of(
                        "application_name", "adtarget",
                        "statement_timeout", Long.toString(settings.statementTimeout().toMillis())));
        PoolOptions pool = new PoolOptions()
                .setMaxSize(settings.maxSize())
                .setMaxWaitQueueSize(settings.maxWaitQueue())
                .setConnectionTimeout((int) settings.poolWaitTimeout().toMillis())
                .setConnectionTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
                .setIdleTimeout((int) settings.idleTimeout().toMillis())
                .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
                .setPoolCleanerPeriod(1000);
        // A server that stops answering on an open connection: the socket is closed after this long
        // without a byte, failing its queries instead of hanging them (longer than any statement).
        NetClientOptions net = new NetClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setTcpKeepAlive(true)
                .setReadIdleTimeout((int) settings.idleTimeout().toSeconds());
        return PgBuilder.pool().with(pool).with(net).connectingTo(connect).using(vertx).build();
    }

    /** Parses the URL (user, password, host, port, database, {@code sslmode}); no network access. */
    public static PgConnectOptions connectOptions(String databaseUrl) {
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        try {
            return PgConnectOptions.fromUri(databaseUrl);
        } catch (RuntimeException e) {
            // never echo the URL: it may hold a password
            throw new IllegalArgumentException("DATABASE_URL is not a valid postgresql:// URL");
        }
    }
}
