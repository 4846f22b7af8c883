package io.adtarget.application.service;

import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.InMemoryAccountRepository;
import io.adtarget.application.fake.InMemoryApiKeyRepository;
import io.adtarget.application.fake.MutableClock;
import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.application.port.in.IssuedApiKey;
import io.adtarget.application.port.out.ApiKeyRepository;
import io.adtarget.domain.account.Account;
import io.adtarget.domain.account.ApiKey;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.Sha256;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Accounts, API keys and authentication: keys are random, stored hashed, and revocation is immediate. */
class AccountAdminServiceTest {
    final MutableClock clock = new MutableClock();
    final InMemoryAccountRepository accounts = new InMemoryAccountRepository();
    final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    final AccountAdminService admin = new AccountAdminService(accounts, keys, clock, new SplittableRandom(1),
            new SplittableRandom(2));
    final AuthenticateApiKeyService auth = new AuthenticateApiKeyService(keys);
    final Account account = value(admin.createAccount("Acme"));

    @Test
    void an_issued_key_is_40_random_base62_characters_after_its_mode_prefix_and_only_its_hash_is_stored() {
        IssuedApiKey issued = value(admin.issueApiKey(account.id(), "server", KeyMode.LIVE)).orElseThrow();
        String secret = issued.secret().value();
        assertThat(secret).matches("atk_live_[0-9A-Za-z]{40}");
        ApiKey stored = keys.all().get(0);
        assertThat(stored.keyHash()).isEqualTo(Sha256.hex(secret));
        assertThat(stored.prefix()).isEqualTo(secret.substring(0, 12));
        assertThat(stored.toString()).doesNotContain(secret);
        assertThat(value(admin.issueApiKey(account.id(), "tests", KeyMode.TEST)).orElseThrow().secret().value())
                .startsWith("atk_test_").isNotEqualTo(secret);
    }

    @Test
    void a_key_cannot_be_issued_for_an_unknown_account() {
        AccountId unknown = new AccountId(UUID.fromString("00000000-0000-4000-8000-000000000999"));
        assertThat(value(admin.issueApiKey(unknown, "server", KeyMode.LIVE))).isEmpty();
    }

    @Test
    void an_issued_key_authenticates_as_its_account_key_and_mode() {
        IssuedApiKey issued = value(admin.issueApiKey(account.id(), "server", KeyMode.TEST)).orElseThrow();
        assertThat(value(auth.authenticate(issued.secret().value())))
                .contains(new ApiPrincipal(account.id(), issued.key().id(), KeyMode.TEST));
    }

    @Test
    void a_revoked_key_is_refused_at_once_and_revoking_an_unknown_key_reports_false() {
        IssuedApiKey issued = value(admin.issueApiKey(account.id(), "server", KeyMode.LIVE)).orElseThrow();
        assertThat(value(admin.revokeApiKey(issued.key().id()))).isTrue();
        assertThat(value(auth.authenticate(issued.secret().value()))).isEmpty();
        assertThat(value(admin.revokeApiKey(new ApiKeyId(UUID.fromString("00000000-0000-4000-8000-000000000998")))))
                .isFalse();
    }

    @Test
    void an_unknown_key_is_refused() {
        assertThat(value(auth.authenticate("atk_live_" + "A".repeat(40)))).isEmpty();
    }

    @Test
    void text_that_is_not_shaped_like_a_key_is_refused_without_a_look_up() {
        ApiKeyRepository untouchable = new ApiKeyRepository() {
            @Override
            public Future<ApiKey> insert(ApiKey key) {
                throw new AssertionError("no write expected");
            }

            @Override
            public Future<Optional<io.adtarget.application.port.out.StoredApiKey>> findByHash(String keyHash) {
                throw new AssertionError("a malformed key must not reach the database");
            }

            @Override
            public Future<Boolean> revoke(ApiKeyId id, Instant now) {
                throw new AssertionError("no write expected");
            }
        };
        AuthenticateApiKeyService strict = new AuthenticateApiKeyService(untouchable);
        for (String presented : new String[] {null, "", "Bearer x", "atk_live_short", "atk_prod_" + "A".repeat(40)}) {
            assertThat(value(strict.authenticate(presented))).as(String.valueOf(presented)).isEmpty();
        }
    }
}
