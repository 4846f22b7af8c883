package io.adtarget.persistence.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.AccessToken;
import io.adtarget.domain.site.MetaPixelId;
import io.adtarget.domain.site.Site;
import io.adtarget.persistence.local.AesGcmSecretBox;
import io.adtarget.persistence.testing.Await;
import io.adtarget.persistence.testing.PgTestDatabase;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** #16: Meta access tokens are AES-256-GCM sealed at rest; a dump alone reveals none; keys rotate. */
class SecretsAtRestTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final String k1 = AesGcmSecretBox.newKeyRingEntry("k1");
    private final String k2 = AesGcmSecretBox.newKeyRingEntry("k2");
    private PgTestDatabase db;

    @BeforeEach
    void start() {
        db = PgTestDatabase.create();
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void a_database_dump_contains_neither_the_token_nor_its_base64() throws Exception {
        String token = "EAAGsecret" + UUID.randomUUID().toString().replace("-", "");
        Site site = insertSite(new PgSiteRepository(db.pool(), AesGcmSecretBox.fromKeyRing(k1)), token);

        String dump = pgDump();

        assertThat(dump).contains(site.id().value().toString());
        assertThat(dump).doesNotContain(token);
        assertThat(dump).doesNotContain(Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        assertThat(dump).doesNotContain(token.substring(0, 16));
        assertThat(Await.result(new PgSiteRepository(db.pool(), AesGcmSecretBox.fromKeyRing(k1))
                .findById(site.id())).orElseThrow().metaAccessToken().value()).isEqualTo(token);
    }

    @Test
    void new_writes_use_the_newest_key_and_tokens_of_the_older_key_still_open() {
        Site old = insertSite(new PgSiteRepository(db.pool(), AesGcmSecretBox.fromKeyRing(k1)), "EAAold-token");
        PgSiteRepository rotated = new PgSiteRepository(db.pool(), AesGcmSecretBox.fromKeyRing(k2 + "," + k1));
        Site fresh = insertSite(rotated, "EAAnew-token");

        assertThat(keyOf(old)).isEqualTo("k1");
        assertThat(keyOf(fresh)).isEqualTo("k2");
        assertThat(Await.result(rotated.findById(old.id())).orElseThrow().metaAccessToken().value())
                .isEqualTo("EAAold-token");
        assertThat(Await.result(new PgSiteDirectory(db.pool(), AesGcmSecretBox.fromKeyRing(k2 + "," + k1))
                .resolve(old.accountId(), new io.adtarget.domain.conversion.ChannelId("-100777"))))
                .get().extracting(s -> s.metaAccessToken().value()).isEqualTo("EAAold-token");
    }

    @Test
    void reencrypting_moves_every_token_to_the_newest_key_so_the_old_key_can_be_dropped() {
        Site a = insertSite(new PgSiteRepository(db.pool(), AesGcmSecretBox.fromKeyRing(k1)), "EAAtoken-a");
        Site b = insertSite(new PgSiteRepository(db.pool(), AesGcmSecretBox.fromKeyRing(k1)), "EAAtoken-b");
        AesGcmSecretBox ring = AesGcmSecretBox.fromKeyRing(k2 + "," + k1);

        assertThat(Await.result(new PgSecretSealing(db.pool(), ring).reencryptAll())).isEqualTo(2);
        assertThat(Await.result(new PgSecretSealing(db.pool(), ring).reencryptAll())).isZero();

        PgSiteRepository onlyNewKey = new PgSiteRepository(db.pool(), AesGcmSecretBox.fromKeyRing(k2));
        assertThat(keyOf(a)).isEqualTo("k2");
        assertThat(Await.result(onlyNewKey.findById(a.id())).orElseThrow().metaAccessToken().value())
                .isEqualTo("EAAtoken-a");
        assertThat(Await.result(onlyNewKey.findById(b.id())).orElseThrow().metaAccessToken().value())
                .isEqualTo("EAAtoken-b");
    }

    @Test
    void reencrypting_also_moves_telegram_bot_tokens_to_the_newest_key() {
        UUID account = UUID.randomUUID();
        UUID siteId = UUID.randomUUID();
        db.givenSite(account, siteId);
        io.adtarget.domain.telegram.BotToken token =
                new io.adtarget.domain.telegram.BotToken("123456789:AAE" + "x".repeat(32));
        io.adtarget.domain.shared.SiteId site = new io.adtarget.domain.shared.SiteId(siteId);
        Await.result(new PgTelegramConnectionRepository(db.pool(), AesGcmSecretBox.fromKeyRing(k1)).save(
                new io.adtarget.domain.attribution.TelegramConnection(site, token, "shop_bot", "0".repeat(64),
                        io.adtarget.domain.attribution.InviteMode.MEMBER_LIMIT, NOW)));
        AesGcmSecretBox ring = AesGcmSecretBox.fromKeyRing(k2 + "," + k1);

        assertThat(Await.result(new PgSecretSealing(db.pool(), ring).reencryptAll())).isEqualTo(1);
        assertThat(Await.result(new PgSecretSealing(db.pool(), ring).reencryptAll())).isZero();

        assertThat(Await.result(db.pool().preparedQuery("SELECT bot_token_key FROM telegram_connections WHERE site_id = $1")
                .execute(Tuple.of(siteId))).iterator().next().getString("bot_token_key")).isEqualTo("k2");
        assertThat(Await.result(new PgTelegramConnectionRepository(db.pool(), AesGcmSecretBox.fromKeyRing(k2))
                .find(site)).orElseThrow().botToken()).isEqualTo(token);
    }

    @Test
    void plaintext_tokens_from_before_v4_are_sealed_at_start_up_and_none_is_left() {
        UUID account = UUID.randomUUID();
        UUID siteId = UUID.randomUUID();
        db.givenSite(account, siteId);
        Await.result(db.pool().preparedQuery("UPDATE sites SET meta_access_token = 'EAAlegacy-plain' WHERE id = $1")
                .execute(Tuple.of(siteId)));
        AesGcmSecretBox box = AesGcmSecretBox.fromKeyRing(k1);

        assertThat(Await.result(new PgSecretSealing(db.pool(), box).sealPlaintext())).isEqualTo(1);

        Row row = Await.result(db.pool().preparedQuery("SELECT meta_access_token, meta_access_token_key FROM sites"
                + " WHERE id = $1").execute(Tuple.of(siteId))).iterator().next();
        assertThat(row.getString("meta_access_token")).doesNotContain("EAAlegacy");
        assertThat(row.getString("meta_access_token_key")).isEqualTo("k1");
        assertThat(Await.result(new PgSiteRepository(db.pool(), box).findById(new SiteId(siteId))).orElseThrow()
                .metaAccessToken().value()).isEqualTo("EAAlegacy-plain");
    }

    @Test
    void a_sealed_token_copied_to_another_row_does_not_open() {
        AesGcmSecretBox box = AesGcmSecretBox.fromKeyRing(k1);
        Site victim = insertSite(new PgSiteRepository(db.pool(), box), "EAAvictim");
        Site attacker = insertSite(new PgSiteRepository(db.pool(), box), "EAAattacker");
        Await.result(db.pool().preparedQuery("UPDATE sites SET meta_access_token = (SELECT meta_access_token FROM"
                + " sites WHERE id = $1) WHERE id = $2").execute(Tuple.of(victim.id().value(), attacker.id().value())));

        assertThatThrownBy(() -> Await.result(new PgSiteRepository(db.pool(), box).findById(attacker.id())))
                .hasMessageContaining("does not open").hasMessageNotContaining("EAAvictim");
    }

    private Site insertSite(PgSiteRepository sites, String token) {
        UUID accountId = UUID.randomUUID();
        db.givenSite(accountId, UUID.randomUUID());
        Site site = new Site(new SiteId(UUID.randomUUID()), new AccountId(accountId), "Shop",
                new MetaPixelId("123456789012345"), new AccessToken(token), null, true, List.of(), NOW, NOW);
        Await.result(sites.insert(site));
        Await.result(sites.attachChannel(site.id(), site.accountId(),
                new io.adtarget.domain.conversion.ChannelId("-100777")));
        return site;
    }

    private String keyOf(Site site) {
        return Await.result(db.pool().preparedQuery("SELECT meta_access_token_key FROM sites WHERE id = $1")
                .execute(Tuple.of(site.id().value()))).iterator().next().getString("meta_access_token_key");
    }

    private String pgDump() throws Exception {
        URI url = URI.create(db.url());
        Process dump = new ProcessBuilder("pg_dump", "--no-owner", "--dbname=" + db.url()).redirectErrorStream(true)
                .start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dump.getInputStream().transferTo(out);
        assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dump.exitValue()).as("pg_dump of %s: %s", url.getPath(), out).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
