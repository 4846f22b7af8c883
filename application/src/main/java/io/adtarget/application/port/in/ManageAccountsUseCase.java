package io.adtarget.application.port.in;

import io.adtarget.domain.account.Account;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.KeyMode;
import io.vertx.core.Future;
import java.util.Optional;

/** Operators' account administration: accounts and their API keys. */
public interface ManageAccountsUseCase {
    /** Creates an account; {@code rateLimitPerSecond} null means the service's default limit applies. */
    Future<Account> createAccount(String name, Integer rateLimitPerSecond);

    default Future<Account> createAccount(String name) {
        return createAccount(name, null);
    }

    Future<Optional<Account>> getAccount(AccountId id);

    /** Applies a partial update (name, rate limit); empty when the account is unknown. */
    Future<Optional<Account>> updateAccount(AccountId id, AccountPatch patch);

    /** Issues a key (random base62 secret, only its SHA-256 stored); empty when the account is unknown. */
    Future<Optional<IssuedApiKey>> issueApiKey(AccountId accountId, String name, KeyMode mode);

    /** Revokes a key, effective at once; false when the key is unknown. */
    Future<Boolean> revokeApiKey(ApiKeyId id);
}
