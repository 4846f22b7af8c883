package io.adtarget.application.service;

import io.adtarget.application.port.in.AccountPatch;
import io.adtarget.application.port.in.IssuedApiKey;
import io.adtarget.application.port.in.ManageAccountsUseCase;
import io.adtarget.application.port.out.AccountRepository;
import io.adtarget.application.port.out.ApiKeyRepository;
import io.adtarget.domain.account.Account;
import io.adtarget.domain.account.ApiKey;
import io.adtarget.domain.account.ApiKeySecret;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.KeyMode;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Accounts and API keys for operators. Secrets come from {@code secrets} (production passes a
 * SecureRandom) and only their SHA-256 is stored; ids come from {@code ids}.
 */
public final class AccountAdminService implements ManageAccountsUseCase {
    private final AccountRepository accounts;
    private final ApiKeyRepository keys;
    private final Clock clock;
    private final RandomGenerator ids;
    private final RandomGenerator secrets;

    public AccountAdminService(AccountRepository accounts, ApiKeyRepository keys, Clock clock, RandomGenerator ids,
            RandomGenerator secrets) {
        this.accounts = accounts;
        this.keys = keys;
        this.clock = clock;
        this.ids = ids;
        this.secrets = secrets;
    }

    @Override
    public Future<Account> createAccount(String name, Integer rateLimitPerSecond) {
        return Future.succeededFuture().compose(ignored ->
                accounts.insert(new Account(AccountId.random(ids), name, Now.of(clock), rateLimitPerSecond)));
    }

    @Override
    public Future<Optional<Account>> updateAccount(AccountId id, AccountPatch patch) {
        return accounts.findById(id).compose(found -> found.isEmpty()
                ? Future.succeededFuture(Optional.empty())
                : accounts.update(found.get().withName(patch.name().apply(found.get().name()))
                        .withRateLimitPerSecond(patch.rateLimitPerSecond().apply(found.get().rateLimitPerSecond()))));
    }

    @Override
    public Future<Optional<Account>> getAccount(AccountId id) {
        return accounts.findById(id);
    }

    @Override
    public Future<Optional<IssuedApiKey>> issueApiKey(AccountId accountId, String name, KeyMode mode) {
        return accounts.findById(accountId).compose(account -> {
            if (account.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            ApiKeySecret secret = ApiKeySecret.generate(mode, secrets);
            ApiKey key = new ApiKey(ApiKeyId.random(ids), accountId, name, mode, secret.prefix(), secret.hash(),
                    Now.of(clock), null);
            return keys.insert(key).map(stored -> Optional.of(new IssuedApiKey(stored, secret)));
        });
    }

    @Override
    public Future<Boolean> revokeApiKey(ApiKeyId id) {
        return keys.revoke(id, Now.of(clock));
    }
}
