package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.PublishableKeyRepository;
import io.adtarget.domain.attribution.PublishableKey;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** {@link PublishableKeyRepository} on Postgres; look-ups go through the unique index on the secret's hash. */
public final class PgPublishableKeyRepository implements PublishableKeyRepository {
    static final String COLUMNS = "id, account_id, site_id, prefix, key_hash, allowed_origins, created_at, revoked_at";
    static final String INSERT = "INSERT INTO publishable_keys (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    static final String FIND_BY_HASH = "SELECT " + COLUMNS + " FROM publishable_keys WHERE key_hash = $1";
    static final String ANY_ALLOWS = "SELECT 1 FROM publishable_keys WHERE $1 = ANY (allowed_origins)"
            + " AND revoked_at IS NULL LIMIT 1";
    static final String REVOKE = "UPDATE publishable_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1";

    private final Pool pool;

    public PgPublishableKeyRepository(Pool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public Future<PublishableKey> insert(PublishableKey key) {
        return PgErrors.guard(pool.preparedQuery(INSERT)
                .execute(Tuple.of(key.id(), key.accountId().value(), key.siteId().value(), key.prefix(),
                        key.keyHash(), key.allowedOrigins().toArray(String[]::new), Sql.ts(key.createdAt()),
                        Sql.ts(key.revokedAt())))
                .map(done -> key));
    }

    @Override
    public Future<Optional<PublishableKey>> findByHash(String keyHash) {
        return PgErrors.guard(pool.preparedQuery(FIND_BY_HASH).execute(Tuple.of(keyHash))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(from(rows.iterator().next()))));
    }

    @Override
    public Future<Boolean> anyActiveAllows(String origin) {
        return PgErrors.guard(pool.preparedQuery(ANY_ALLOWS).execute(Tuple.of(origin)).map(rows -> rows.size() > 0));
    }

    @Override
    public Future<Boolean> revoke(UUID id, Instant now) {
        return PgErrors.guard(pool.preparedQuery(REVOKE).execute(Tuple.of(id, Sql.ts(now)))
                .map(rows -> rows.rowCount() == 1));
    }

    private static PublishableKey from(Row r) {
        return new PublishableKey(r.getUUID("id"), new AccountId(r.getUUID("account_id")),
                new SiteId(r.getUUID("site_id")), r.getString("prefix"), r.getString("key_hash"),
                List.of(r.getArrayOfStrings("allowed_origins")), Sql.instant(r.getOffsetDateTime("created_at")),
                Sql.instant(r.getOffsetDateTime("revoked_at")));
    }
}
