package io.adtarget.persistence.pg;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.StoredApiKey;
import io.adtarget.domain.account.Account;
import io.adtarget.domain.account.ApiKey;
import io.adtarget.domain.account.ApiKeySecret;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.persistence.testing.PgTestDatabase;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API-key cache of one instance ("B") against changes committed by another ("A", its own pool):
 * served from memory while nothing changes, dropped when Postgres notifies a change, bypassed while
 * the listener is down, and emptied when the listener comes back (whatever it missed is forgotten).
 */
class ChangeFeedCacheTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    PgTestDatabase db;
    Pool instanceA;
    PgChangeFeed feedB;
    CachedApiKeyRepository keysB;
    PgApiKeyRepository keysA;
    ApiKey key;
    String hash;

    @BeforeEach
    void start() {
        db = PgTestDatabase.create();
        instanceA = db.newPool(2);
        keysA = new PgApiKeyRepository(instanceA);
        feedB = result(PgChangeFeed.start(db.vertx(), PgPools.connectOptions(db.url()), Duration.ofMillis(50)));
        assertThat(feedB.live()).isTrue();
        keysB = new CachedApiKeyRepository(new PgApiKeyRepository(db.pool()), feedB, 100);
        // The set-up's own inserts notify too: wait until B has heard them, so they cannot clear the cache
        // in the middle of a test.
        Promise<String> setUpHeard = Promise.promise();
        feedB.onChange(table -> {
            if (table.equals("api_keys")) {
                setUpHeard.tryComplete(table);
            }
        });
        Account account = result(new PgAccountRepository(instanceA).insert(
                new Account(new AccountId(UUID.randomUUID()), "Acme", T0)));
        ApiKeySecret secret = ApiKeySecret.generate(KeyMode.LIVE, new SecureRandom());
        hash = secret.hash();
        key = result(keysA.insert(new ApiKey(new ApiKeyId(UUID.randomUUID()), account.id(), "prod", KeyMode.LIVE,
                secret.prefix(), hash, T0, null)));
        result(setUpHeard.future());
    }

    @AfterEach
    void stop() {
        result(feedB.close());
        result(instanceA.close());
        db.close();
    }

    @Test
    void a_revoke_committed_by_another_instance_drops_the_cached_key_when_postgres_notifies_it() {
        assertThat(result(keysB.findByHash(hash))).contains(new StoredApiKey(key, null));
        assertThat(keysB.cachedEntries()).isEqualTo(1);
        Promise<String> heard = Promise.promise();
        feedB.onChange(table -> {
            if (table.equals("api_keys")) {
                heard.tryComplete(table);
            }
        });

        assertThat(result(keysA.revoke(key.id(), T0.plusSeconds(5)))).isTrue();
        result(heard.future());

        assertThat(keysB.cachedEntries()).isZero();
        assertThat(result(keysB.findByHash(hash)).orElseThrow().key().revoked()).isTrue();
    }

    @Test
    void while_the_feed_is_live_a_cached_key_is_served_from_memory_and_a_reconnect_forgets_it() {
        assertThat(result(keysB.findByHash(hash))).isPresent();
        // A change Postgres does not notify (triggers off for this one transaction): B still has the old key,
        // which shows look-ups are answered from memory.
        revokeSilently();
        assertThat(result(keysB.findByHash(hash)).orElseThrow().key().revoked()).isFalse();

        // The listener's connection is cut: once it is back, everything cached before is dropped.
        Promise<String> reconnected = Promise.promise();
        feedB.onChange(table -> {
            if (table.equals("*")) {
                reconnected.tryComplete(table);
            }
        });
        result(instanceA.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND query LIKE 'LISTEN adtarget_changes%'").execute());
        result(reconnected.future());

        assertThat(result(keysB.findByHash(hash)).orElseThrow().key().revoked()).isTrue();
    }

    @Test
    void while_the_feed_is_down_every_look_up_goes_to_postgres() {
        assertThat(result(keysB.findByHash(hash))).isPresent();
        result(feedB.close());
        assertThat(feedB.live()).isFalse();

        revokeSilently();

        assertThat(result(keysB.findByHash(hash)).orElseThrow().key().revoked()).isTrue();
    }

    @Test
    void an_unknown_key_is_never_cached() {
        assertThat(result(keysB.findByHash("0".repeat(64)))).isEmpty();
        assertThat(keysB.cachedEntries()).isZero();
    }

    private void revokeSilently() {
        result(instanceA.withTransaction(conn -> conn.query("SET LOCAL session_replication_role = replica").execute()
                .compose(off -> conn.preparedQuery("UPDATE api_keys SET revoked_at = $2 WHERE id = $1")
                        .execute(Tuple.of(key.id().value(), T0.plusSeconds(1).atOffset(java.time.ZoneOffset.UTC))))));
    }
}
