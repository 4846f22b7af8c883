package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.ApiKeyRepository;
import io.adtarget.application.port.out.StoredApiKey;
import io.adtarget.domain.account.ApiKey;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.KeyMode;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** {@link ApiKeyRepository} on Postgres; look-ups go through the unique index on the secret's hash. */
public final class PgApiKeyRepository implements ApiKeyRepository {
    static final String COLUMNS = "id, account_id, name, mode, prefix, key_hash, created_at, revoked_at";
    static final String INSERT = "INSERT INTO api_keys (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    // the account's own rate limit comes with the key: authentication reads both in one query
    static final String FIND_BY_HASH = "SELECT k.id, k.account_id, k.name, k.mode, k.prefix, k.key_hash, k.created_at,"
            + " k.revoked_at, a.rate_limit_per_second FROM api_keys k JOIN accounts a ON a.id = k.account_id"
            + " WHERE k.key_hash = $1";
    static final String REVOKE = "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1";

    private final Pool pool;

    public PgApiKeyRepository(Pool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public Future<ApiKey> insert(ApiKey key) {
        return PgErrors.guard(pool.preparedQuery(INSERT)
                .execute(Tuple.of(key.id().value(), key.accountId().value(), key.name(), key.mode().slug(),
                        key.prefix(), key.keyHash(), Sql.ts(key.createdAt()), Sql.ts(key.revokedAt())))
                .map(done -> key));
    }

    @Override
    public Future<Optional<StoredApiKey>> findByHash(String keyHash) {
        return PgErrors.guard(pool.preparedQuery(FIND_BY_HASH).execute(Tuple.of(keyHash)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new StoredApiKey(from(row), row.getInteger("rate_limit_per_second")));
        }));
    }

    @Override
    public Future<Boolean> revoke(ApiKeyId id, Instant now) {
        return PgErrors.guard(pool.preparedQuery(REVOKE).execute(Tuple.of(id.value(), Sql.ts(now)))
                .map(rows -> rows.rowCount() == 1));
    }

    private static ApiKey from(Row r) {
        return new ApiKey(new ApiKeyId(r.getUUID("id")), new AccountId(r.getUUID("account_id")), r.getString("name"),
                KeyMode.fromSlug(r.getString("mode")), r.getString("prefix"), r.getString("key_hash"),
                Sql.instant(r.getOffsetDateTime("created_at")), Sql.instant(r.getOffsetDateTime("revoked_at")));
    }
}
