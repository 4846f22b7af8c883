package io.adtarget.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adtarget.domain.idempotency.FingerprintMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigTest {

    @Test
    void an_empty_environment_gives_the_embedded_default_with_dry_run_and_dev_seed() {
        Config config = Config.fromEnvironment(Map.of());

        assertThat(config.embeddedDatabase()).isTrue();
        assertThat(config.metaMode()).isEqualTo(Config.MetaMode.DRY_RUN);
        assertThat(config.devSeed()).isTrue();
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.databasePoolSize()).isEqualTo(16);
        assertThat(config.redisUrl()).isNull();
        assertThat(config.metaGraphUrl()).isEqualTo("https://graph.facebook.com");
        assertThat(config.metaApiVersion()).isEqualTo("v24.0");
        assertThat(config.metaTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.adminToken()).isNull();
        assertThat(config.idempotencyReplayWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(config.idempotencyRetention()).isEqualTo(Duration.ofHours(48));
        assertThat(config.idempotencyLease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.idempotencyInflightWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.idempotencyFingerprint()).isEqualTo(FingerprintMode.OFF);
        assertThat(config.purgeInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.dedupWindow()).isEqualTo(Duration.ofHours(48));
        assertThat(config.deliveryLease()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.retryPollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.retryBaseDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.retryMaxAttempts()).isEqualTo(8);
        assertThat(config.logFormat()).isEqualTo(Config.LogFormat.TEXT);
        assertThat(config.logLevel()).isEqualTo("info");
        assertThat(config.describe(8080))
                .isEqualTo("persistence=embedded-postgres(./data) lock=in-process meta=dry-run telegram=dry-run"
                        + " http=0.0.0.0:8080 tracing=off");
        assertThat(config.telegramMode()).isEqualTo(Config.TelegramMode.DRY_RUN);
        assertThat(config.publicBaseUrl()).isNull();
        assertThat(config.visitLinkTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(config.attributionWindow()).isEqualTo(Duration.ofHours(168));
        assertThat(config.visitRetention()).isEqualTo(Duration.ofHours(2160));
        assertThat(config.trustedProxies()).isEmpty();
    }

    @Test
    void delivery_attempts_are_kept_30_days_unless_told_and_never_less_than_the_24_hours_health_reads() {
        assertThat(Config.fromEnvironment(Map.of()).deliveryAttemptRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(Config.fromEnvironment(Map.of("DELIVERY_ATTEMPT_RETENTION", "P7D")).deliveryAttemptRetention())
                .isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DELIVERY_ATTEMPT_RETENTION", "PT23H")))
                .hasMessageStartingWith("DELIVERY_ATTEMPT_RETENTION:");
    }

    @Test
    void telegram_attribution_variables_are_parsed_and_bad_ones_named() {
        Config config = Config.fromEnvironment(Map.of("TELEGRAM_MODE", "live", "TELEGRAM_API_URL", "http://127.0.0.1:9/",
                "PUBLIC_BASE_URL", "https://conversions.example", "VISIT_LINK_TTL", "PT1H",
                "ATTRIBUTION_WINDOW", "PT24H", "VISIT_RETENTION", "PT48H", "TRUSTED_PROXIES", "10.0.0.0/8"));

        assertThat(config.telegramMode()).isEqualTo(Config.TelegramMode.LIVE);
        assertThat(config.attributionSettings().webhookUrl("s")).isEqualTo("https://conversions.example/webhooks/telegram/s");
        assertThat(config.visitLinkTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.trustedProxies()).isEqualTo("10.0.0.0/8");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PUBLIC_BASE_URL", "http://conversions.example")))
                .hasMessageContaining("PUBLIC_BASE_URL");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("TRUSTED_PROXIES", "10.0.0.0/99")))
                .hasMessageContaining("TRUSTED_PROXIES");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ATTRIBUTION_WINDOW", "PT48H", "VISIT_RETENTION", "PT1H")))
                .hasMessageContaining("VISIT_RETENTION");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("TELEGRAM_MODE", "sometimes")))
                .hasMessageContaining("TELEGRAM_MODE");
    }

    static final String RING = "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void a_database_url_without_secrets_key_is_refused_in_one_line() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DATABASE_URL", "postgresql://db/x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SECRETS_KEY: is required when DATABASE_URL is set")
                .hasMessageNotContaining("\n");
    }

    @Test
    void a_malformed_key_ring_is_refused_without_echoing_a_key() {
        String shortKey = java.util.Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes());
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SECRETS_KEY", "k2:" + shortKey + "," + RING)))
                .hasMessage("SECRETS_KEY: key k2 must be 32 bytes (AES-256), base64-encoded");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SECRETS_KEY", RING + "," + RING)))
                .hasMessage("SECRETS_KEY: key id k1 appears twice").hasMessageNotContaining(RING.substring(3));
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SECRETS_KEY", "not a ring")))
                .hasMessageStartingWith("SECRETS_KEY: entry 1 needs an id");
    }

    @Test
    void the_config_never_prints_the_key_ring_or_the_admin_token() {
        Config config = Config.fromEnvironment(Map.of("SECRETS_KEY", RING,
                "ADMIN_TOKEN", "admin-token-0123456789abcdefghijklmnopq"));
        assertThat(config.toString()).doesNotContain(RING.substring(3)).doesNotContain("admin-token-0123");
    }

    @Test
    void a_database_url_switches_to_live_meta_and_no_seed() {
        Config config = Config.fromEnvironment(Map.of(
                "DATABASE_URL", "postgresql://app:s3cret@db.internal:5433/adtarget?sslmode=require",
                "REDIS_URL", "redis://:pw@cache:6380/0", "SECRETS_KEY", RING));

        assertThat(config.embeddedDatabase()).isFalse();
        assertThat(config.metaMode()).isEqualTo(Config.MetaMode.LIVE);
        assertThat(config.devSeed()).isFalse();
        assertThat(config.describe(8080))
                .isEqualTo("persistence=postgres(db.internal:5433/adtarget) lock=redis(cache:6380)"
                        + " meta=live(https://graph.facebook.com/v24.0) telegram=live(https://api.telegram.org)"
                        + " http=0.0.0.0:8080 tracing=off")
                .doesNotContain("s3cret").doesNotContain("pw");
    }

    @Test
    void explicit_values_override_the_defaults() {
        Config config = Config.fromEnvironment(Map.of(
                "META_MODE", "dry-run", "DEV_SEED", "false", "IDEMPOTENCY_REPLAY_WINDOW", "PT2S",
                "IDEMPOTENCY_FINGERPRINT", "reject", "LOG_FORMAT", "json", "LOG_LEVEL", "DEBUG",
                "META_GRAPH_URL", "http://127.0.0.1:9999/", "HTTP_PORT", "0", "RETRY_MAX_ATTEMPTS", "3"));

        assertThat(config.metaMode()).isEqualTo(Config.MetaMode.DRY_RUN);
        assertThat(config.devSeed()).isFalse();
        assertThat(config.idempotencyReplayWindow()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.idempotencyFingerprint()).isEqualTo(FingerprintMode.REJECT);
        assertThat(config.logFormat()).isEqualTo(Config.LogFormat.JSON);
        assertThat(config.logLevel()).isEqualTo("debug");
        assertThat(config.metaGraphUrl()).isEqualTo("http://127.0.0.1:9999");
        assertThat(config.httpPort()).isZero();
        assertThat(config.retryMaxAttempts()).isEqualTo(3);
    }

    @Test
    void a_bad_duration_names_the_variable_in_one_line() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("IDEMPOTENCY_LEASE", "30 seconds")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("IDEMPOTENCY_LEASE: must be a positive ISO-8601 duration")
                .message().doesNotContain("\n");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PURGE_INTERVAL", "PT0S")))
                .hasMessageStartingWith("PURGE_INTERVAL:");
    }

    @Test
    void each_kind_of_bad_value_is_refused_with_its_variable_named() {
        Map<String, String> bad = Map.of(
                "HTTP_PORT", "70000",
                "DATABASE_POOL_SIZE", "zero",
                "META_MODE", "sometimes",
                "IDEMPOTENCY_FINGERPRINT", "maybe",
                "DEV_SEED", "perhaps",
                "LOG_FORMAT", "xml",
                "LOG_LEVEL", "loud",
                "META_API_VERSION", "24",
                "RETRY_MAX_ATTEMPTS", "0",
                "REDIS_URL", "http://cache:6379");
        bad.forEach((name, value) -> assertThatThrownBy(() -> Config.fromEnvironment(Map.of(name, value)))
                .as(name).isInstanceOf(ConfigException.class).hasMessageStartingWith(name + ":"));
    }

    @Test
    void a_malformed_database_url_is_refused_without_echoing_its_password() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DATABASE_URL", "mysql://u:hunter2@db/x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_URL:")
                .message().doesNotContain("hunter2");
    }

    @Test
    void a_short_admin_token_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ADMIN_TOKEN", "short-secret")))
                .hasMessage("ADMIN_TOKEN: must be at least 32 characters")
                .message().doesNotContain("short-secret");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"atk_live_0123456789abcdefghijABCDEFGHIJ0123456789", "atk_test_0123456789abcdefghijABCDEFGHIJ0123456789"})
    void an_admin_token_shaped_like_an_api_key_is_refused_without_echoing_it(String token) {
        // The admin API would take it for an API key and answer 401 to every call: a silently dead admin API.
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ADMIN_TOKEN", token)))
                .hasMessage("ADMIN_TOKEN: must not look like an API key (atk_live_…/atk_test_…); "
                        + "generate a separate secret, e.g. openssl rand -hex 32")
                .message().doesNotContain(token);
    }

    @Test
    void the_delivery_lease_must_exceed_the_meta_timeout() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("META_TIMEOUT", "PT10S", "DELIVERY_LEASE", "PT10S")))
                .hasMessageStartingWith("DELIVERY_LEASE: must exceed META_TIMEOUT");
    }

    @Test
    void a_retention_shorter_than_the_replay_window_is_refused() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("IDEMPOTENCY_RETENTION", "PT1H")))
                .hasMessage("IDEMPOTENCY_RETENTION: must be at least IDEMPOTENCY_REPLAY_WINDOW (PT24H)");
    }

    @Test
    void a_retry_base_delay_under_a_millisecond_is_refused_before_anything_starts() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("RETRY_BASE_DELAY", "PT0.0001S")))
                .hasMessage("RETRY_BASE_DELAY: must be at least 1 ms");
    }
}
