package io.adtarget.application.port.out;

import io.adtarget.domain.account.Account;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.util.Optional;

/** Customer accounts. */
public interface AccountRepository {
    Future<Account> insert(Account account);

    Future<Optional<Account>> findById(AccountId id);

    /** Stores the account's name and rate limit; empty when the account is unknown. */
    Future<Optional<Account>> update(Account account);

    /** Whether any account exists (the dev seed runs only on an empty database). */
    Future<Boolean> any();
}
