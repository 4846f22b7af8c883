package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.AccountRepository;
import io.adtarget.domain.account.Account;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.util.Objects;
import java.util.Optional;

/**
 * Accounts written through this instance clear its own caches at once ({@link PgChangeFeed#localChange}),
 * so an admin change (an account's rate limit) holds for the very next request here; other instances
 * hear it from Postgres.
 */
public final class ChangeAnnouncingAccountRepository implements AccountRepository {
    private final AccountRepository store;
    private final PgChangeFeed feed;

    public ChangeAnnouncingAccountRepository(AccountRepository store, PgChangeFeed feed) {
        this.store = Objects.requireNonNull(store, "store");
        this.feed = Objects.requireNonNull(feed, "feed");
    }

    @Override
    public Future<Account> insert(Account account) {
        return store.insert(account).onSuccess(written -> feed.localChange("accounts"));
    }

    @Override
    public Future<Optional<Account>> findById(AccountId id) {
        return store.findById(id);
    }

    @Override
    public Future<Optional<Account>> update(Account account) {
        return store.update(account).onSuccess(written -> feed.localChange("accounts"));
    }

    @Override
    public Future<Boolean> any() {
        return store.any();
    }
}
