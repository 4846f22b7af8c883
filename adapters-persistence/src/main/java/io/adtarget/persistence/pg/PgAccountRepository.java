package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.AccountRepository;
import io.adtarget.domain.account.Account;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.Objects;
import java.util.Optional;

/** {@link AccountRepository} on Postgres. */
public final class PgAccountRepository implements AccountRepository {
    static final String INSERT = "INSERT INTO accounts (id, name, created_at, rate_limit_per_second)"
            + " VALUES ($1, $2, $3, $4)";
    static final String FIND_BY_ID = "SELECT id, name, created_at, rate_limit_per_second FROM accounts WHERE id = $1";
    static final String UPDATE = "UPDATE accounts SET name = $2, rate_limit_per_second = $3 WHERE id = $1"
            + " RETURNING id, name, created_at, rate_limit_per_second";
    static final String ANY = "SELECT EXISTS (SELECT 1 FROM accounts)";

    private final Pool pool;

    public PgAccountRepository(Pool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public Future<Account> insert(Account account) {
        return PgErrors.guard(pool.preparedQuery(INSERT)
                .execute(Tuple.of(account.id().value(), account.name(), Sql.ts(account.createdAt()),
                        account.rateLimitPerSecond()))
                .map(done -> account));
    }

    @Override
    public Future<Optional<Account>> findById(AccountId id) {
        return PgErrors.guard(pool.preparedQuery(FIND_BY_ID).execute(Tuple.of(id.value())).map(PgAccountRepository::first));
    }

    @Override
    public Future<Optional<Account>> update(Account account) {
        return PgErrors.guard(pool.preparedQuery(UPDATE)
                .execute(Tuple.of(account.id().value(), account.name(), account.rateLimitPerSecond()))
                .map(PgAccountRepository::first));
    }

    private static Optional<Account> first(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row r = rows.iterator().next();
        return Optional.of(new Account(new AccountId(r.getUUID("id")), r.getString("name"),
                Sql.instant(r.getOffsetDateTime("created_at")), r.getInteger("rate_limit_per_second")));
    }

    @Override
    public Future<Boolean> any() {
        return PgErrors.guard(pool.preparedQuery(ANY).execute().map(rows -> rows.iterator().next().getBoolean(0)));
    }
}
