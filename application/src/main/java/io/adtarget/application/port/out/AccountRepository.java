package io.adtarget.application.port.out;

import io.adtarget.domain.account.Account;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.util.Optional;

/** Customer accounts. */
public interface AccountRepository {
    Future<Account> insert(Account account);

    Future<Optional<Account>> findById(AccountId id);

    /** Whether any account exists (the dev seed runs only on an empty database). */
    Future<Boolean> any();
}
