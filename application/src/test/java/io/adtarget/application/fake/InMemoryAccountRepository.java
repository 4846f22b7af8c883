package io.adtarget.application.fake;

import io.adtarget.application.port.out.AccountRepository;
import io.adtarget.domain.account.Account;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link AccountRepository} in a map; atomic per call. */
public final class InMemoryAccountRepository implements AccountRepository {
    private final Map<AccountId, Account> accounts = new LinkedHashMap<>();

    @Override
    public synchronized Future<Account> insert(Account account) {
        if (accounts.putIfAbsent(account.id(), account) != null) {
            return Future.failedFuture(new IllegalStateException("duplicate account id"));
        }
        return Future.succeededFuture(account);
    }

    @Override
    public synchronized Future<Optional<Account>> findById(AccountId id) {
        return Future.succeededFuture(Optional.ofNullable(accounts.get(id)));
    }

    @Override
    public synchronized Future<Optional<Account>> update(Account account) {
        if (!accounts.containsKey(account.id())) {
            return Future.succeededFuture(Optional.empty());
        }
        Account stored = new Account(account.id(), account.name(), accounts.get(account.id()).createdAt(),
                account.rateLimitPerSecond());
        accounts.put(account.id(), stored);
        return Future.succeededFuture(Optional.of(stored));
    }

    /** The account's own rate limit, null when it has none or is unknown (the key repository reads it). */
    public synchronized Integer rateLimitPerSecond(AccountId id) {
        Account account = accounts.get(id);
        return account == null ? null : account.rateLimitPerSecond();
    }

    @Override
    public synchronized Future<Boolean> any() {
        return Future.succeededFuture(!accounts.isEmpty());
    }
}
