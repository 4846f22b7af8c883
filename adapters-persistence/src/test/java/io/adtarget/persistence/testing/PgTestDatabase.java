package io.adtarget.persistence.testing;

import io.adtarget.persistence.pg.PgPools;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.UUID;

/** A migrated database of its own with a Vert.x instance and pool: one per test class. */
public final class PgTestDatabase implements AutoCloseable {
    private final Vertx vertx;
    private final String url;
    private final Pool pool;

    private PgTestDatabase(Vertx vertx, String url, Pool pool) {
        this.vertx = vertx;
        this.url = url;
        this.pool = pool;
    }

    public static PgTestDatabase create() {
        Vertx vertx = Vertx.vertx();
        String url = TestPostgres.freshDatabase(true);
        return new PgTestDatabase(vertx, url, PgPools.create(vertx, url, 8));
    }

    public Vertx vertx() {
        return vertx;
    }

    public String url() {
        return url;
    }

    public Pool pool() {
        return pool;
    }

    /** Another pool on the same database: a second "instance" for race tests. */
    public Pool newPool(int size) {
        return PgPools.create(vertx, url, size);
    }

    /** Inserts an account and a site of it (conversions reference both). */
    public void givenSite(UUID accountId, UUID siteId) {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        Await.result(pool.preparedQuery("INSERT INTO accounts (id, name, created_at) VALUES ($1, 'test', $2)"
                + " ON CONFLICT DO NOTHING").execute(Tuple.of(accountId, now.atOffset(java.time.ZoneOffset.UTC))));
        Await.result(pool.preparedQuery("INSERT INTO sites (id, account_id, name, enabled, created_at, updated_at)"
                + " VALUES ($1, $2, 'site', true, $3, $3) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(siteId, accountId, now.atOffset(java.time.ZoneOffset.UTC))));
    }

    @Override
    public void close() {
        Await.result(pool.close());
        Await.result(vertx.close());
        TestPostgres.dropDatabase(url);
    }
}
