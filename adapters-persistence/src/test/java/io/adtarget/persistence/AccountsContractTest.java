package io.adtarget.persistence;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.AccountRepository;
import io.adtarget.application.port.out.ApiKeyRepository;
import io.adtarget.application.port.out.StoredApiKey;
import io.adtarget.domain.account.Account;
import io.adtarget.domain.account.ApiKey;
import io.adtarget.domain.account.ApiKeySecret;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.KeyMode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AccountRepository} and {@link ApiKeyRepository} pair does, run against each implementation. */
public abstract class AccountsContractTest {
    protected static final Instant T0 = Instant.parse("2025-03-01T12:00:00.000002Z");

    protected AccountRepository accounts;
    protected ApiKeyRepository keys;

    protected abstract void open();

    @BeforeEach
    void setUp() {
        open();
    }

    @Test
    void an_inserted_account_is_found_by_id_and_makes_the_store_non_empty() {
        Account account = result(accounts.insert(new Account(new AccountId(UUID.randomUUID()), "Acme", T0)));
        assertThat(result(accounts.findById(account.id()))).contains(account);
        assertThat(result(accounts.findById(new AccountId(UUID.randomUUID())))).isEmpty();
        assertThat(result(accounts.any())).isTrue();
    }

    @Test
    void an_account_s_rate_limit_is_stored_updated_cleared_and_read_with_each_of_its_keys() {
        Account account = result(accounts.insert(new Account(new AccountId(UUID.randomUUID()), "Acme", T0, 7)));
        assertThat(result(accounts.findById(account.id())).orElseThrow().rateLimitPerSecond()).isEqualTo(7);
        ApiKeySecret secret = ApiKeySecret.generate(KeyMode.LIVE, new SecureRandom());
        result(keys.insert(new ApiKey(new ApiKeyId(UUID.randomUUID()), account.id(), "prod", KeyMode.LIVE,
                secret.prefix(), secret.hash(), T0, null)));
        assertThat(result(keys.findByHash(secret.hash())).orElseThrow().accountRateLimitPerSecond()).isEqualTo(7);

        Account renamed = result(accounts.update(account.withName("Acme 2").withRateLimitPerSecond(3))).orElseThrow();
        assertThat(renamed).isEqualTo(new Account(account.id(), "Acme 2", T0, 3));
        assertThat(result(accounts.findById(account.id()))).contains(renamed);
        assertThat(result(keys.findByHash(secret.hash())).orElseThrow().accountRateLimitPerSecond()).isEqualTo(3);

        result(accounts.update(renamed.withRateLimitPerSecond(null)));
        assertThat(result(keys.findByHash(secret.hash())).orElseThrow().accountRateLimitPerSecond()).isNull();
        assertThat(result(accounts.update(new Account(new AccountId(UUID.randomUUID()), "Ghost", T0)))).isEmpty();
    }

    @Test
    void a_key_is_found_by_its_hash_and_revocation_keeps_the_first_time() {
        Account account = result(accounts.insert(new Account(new AccountId(UUID.randomUUID()), "Acme", T0)));
        ApiKeySecret secret = ApiKeySecret.generate(KeyMode.TEST, new SecureRandom());
        ApiKey key = new ApiKey(new ApiKeyId(UUID.randomUUID()), account.id(), "ci", KeyMode.TEST, secret.prefix(),
                secret.hash(), T0, null);
        result(keys.insert(key));
        assertThat(result(keys.findByHash(secret.hash()))).contains(new StoredApiKey(key, null));
        assertThat(result(keys.findByHash("0".repeat(64)))).isEmpty();

        assertThat(result(keys.revoke(key.id(), T0.plusSeconds(10)))).isTrue();
        assertThat(result(keys.revoke(key.id(), T0.plusSeconds(20)))).isTrue();
        assertThat(result(keys.findByHash(secret.hash())).orElseThrow().key().revokedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(result(keys.revoke(new ApiKeyId(UUID.randomUUID()), T0))).isFalse();
    }
}
