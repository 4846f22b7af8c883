package io.adtarget.bootstrap;

import io.adtarget.application.service.AttributionSettings;
import io.adtarget.application.service.ConversionSettings;
import io.adtarget.application.service.IdempotencySettings;
import io.adtarget.application.service.PurgeDeliveryAttemptsService;
import io.adtarget.domain.account.RateLimit;
import io.adtarget.domain.idempotency.FingerprintMode;
import io.adtarget.http.attribution.TrustedProxies;
import io.adtarget.meta.MetaGatewaySettings;
import io.adtarget.telegram.TelegramBotApiSettings;
import io.adtarget.persistence.local.AesGcmSecretBox;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The service configuration, read from the environment exactly as config.md describes. Config only parses:
 * the defaults and the rules between values belong to the settings records ({@link ConversionSettings},
 * {@link IdempotencySettings}, {@link MetaGatewaySettings}); it asks them, to name the bad variable.
 */
public record Config(
        String httpHost,
        int httpPort,
        URI databaseUrl,
        Path dataDir,
        int databasePoolSize,
        URI redisUrl,
        MetaMode metaMode,
        String metaGraphUrl,
        String metaApiVersion,
        Duration metaTimeout,
        String adminToken,
        boolean devSeed,
        Duration idempotencyReplayWindow,
        Duration idempotencyRetention,
        Duration idempotencyLease,
        Duration idempotencyInflightWait,
        FingerprintMode idempotencyFingerprint,
        Duration purgeInterval,
        Duration dedupWindow,
        Duration deliveryLease,
        Duration retryPollInterval,
        Duration retryBaseDelay,
        int retryMaxAttempts,
        LogFormat logFormat,
        String logLevel,
        String secretsKey,
        RateLimit rateLimit,
        TelegramMode telegramMode,
        URI telegramApiUrl,
        URI publicBaseUrl,
        Duration visitLinkTtl,
        Duration attributionWindow,
        Duration visitRetention,
        String trustedProxies,
        Duration deliveryAttemptRetention,

        TracingConfig tracing) {

    /** Which Meta gateway delivers conversions. */
    public enum MetaMode { LIVE, DRY_RUN }

    /** Which Telegram Bot API gateway attribution uses. */
    public enum TelegramMode { LIVE, DRY_RUN }

    /** Log line format. */
    public enum LogFormat { TEXT, JSON }

    public static final int MIN_ADMIN_TOKEN_LENGTH = 32;

    /** Reads and validates; throws {@link ConfigException} naming the first bad variable. */
    public static Config fromEnvironment(Map<String, String> environment) {
        EnvReader env = new EnvReader(environment);
        ConversionSettings conversion = ConversionSettings.defaults();
        IdempotencySettings idempotency = IdempotencySettings.defaults();
        URI databaseUrl = env.uri("DATABASE_URL", "postgresql", "postgres");
        AttributionSettings attribution = attributionSettings(env);
        boolean embedded = databaseUrl == null;
        String adminToken = env.raw("ADMIN_TOKEN");
        if (adminToken != null && adminToken.length() < MIN_ADMIN_TOKEN_LENGTH) {
            throw new ConfigException("ADMIN_TOKEN", "must be at least 32 characters");
        }
        if (adminToken != null && (adminToken.startsWith("atk_live_") || adminToken.startsWith("atk_test_"))) {
            // The admin API would read it as an API key and refuse every call: a silently dead admin API.
            throw new ConfigException("ADMIN_TOKEN", "must not look like an API key (atk_live_…/atk_test_…); "
                    + "generate a separate secret, e.g. openssl rand -hex 32");
        }
        Duration metaTimeout = env.duration("META_TIMEOUT", MetaGatewaySettings.DEFAULT_TIMEOUT);
        Duration deliveryLease = env.duration("DELIVERY_LEASE", conversion.deliveryLease());
        if (!ConversionSettings.leaseOutlastsSendTimeout(deliveryLease, metaTimeout)) {
            throw new ConfigException("DELIVERY_LEASE", "must exceed META_TIMEOUT (" + metaTimeout + ")");
        }
        Duration replayWindow = env.duration("IDEMPOTENCY_REPLAY_WINDOW", idempotency.replayWindow());
        Duration retention = env.duration("IDEMPOTENCY_RETENTION", idempotency.retention());
        if (retention.compareTo(replayWindow) < 0) {
            // the purge would delete records a client may still replay
            throw new ConfigException("IDEMPOTENCY_RETENTION", "must be at least IDEMPOTENCY_REPLAY_WINDOW (" + replayWindow + ")");
        }
        Duration retryBaseDelay = env.duration("RETRY_BASE_DELAY", conversion.retryPolicy().backoff().base());
        if (retryBaseDelay.toMillis() < 1) {
            throw new ConfigException("RETRY_BASE_DELAY", "must be at least 1 ms");
        }
        String graphUrl = env.string("META_GRAPH_URL", MetaGatewaySettings.DEFAULT_GRAPH_URL);
        env.uri("META_GRAPH_URL", "http", "https");
        String level = env.oneOf("LOG_LEVEL", "info", text -> {
            String lower = text.toLowerCase(Locale.ROOT);
            if (!lower.matches("debug|info|warn|error")) {
                throw new IllegalArgumentException();
            }
            return lower;
        }, "debug, info, warn or error");
        return new Config(
                env.string("HTTP_HOST", "0.0.0.0"),
                env.integer("HTTP_PORT", 8080, 0, 65535),
                databaseUrl,
                Path.of(env.string("DATA_DIR", "./data")),
                env.integer("DATABASE_POOL_SIZE", 16, 1, 1000),
                env.uri("REDIS_URL", "redis", "rediss"),
                env.oneOf("META_MODE", embedded ? MetaMode.DRY_RUN : MetaMode.LIVE,
                        text -> MetaMode.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_')), "live or dry-run"),
                graphUrl.endsWith("/") ? graphUrl.substring(0, graphUrl.length() - 1) : graphUrl,
                env.oneOf("META_API_VERSION", MetaGatewaySettings.DEFAULT_API_VERSION, text -> {
                    if (!MetaGatewaySettings.isApiVersion(text)) {
                        throw new IllegalArgumentException();
                    }
                    return text;
                }, "a Graph API version such as v24.0"),
                metaTimeout,
                adminToken,
                env.bool("DEV_SEED", embedded),
                replayWindow,
                retention,
                env.duration("IDEMPOTENCY_LEASE", idempotency.lease()),
                env.duration("IDEMPOTENCY_INFLIGHT_WAIT", idempotency.inflightWait()),
                env.oneOf("IDEMPOTENCY_FINGERPRINT", idempotency.fingerprintMode(), FingerprintMode::fromSlug, "off, warn or reject"),
                env.duration("PURGE_INTERVAL", Duration.ofMinutes(10)),
                env.duration("DEDUP_WINDOW", conversion.dedupWindow()),
                deliveryLease,
                env.duration("RETRY_POLL_INTERVAL", Duration.ofSeconds(5)),
                retryBaseDelay,
                env.integer("RETRY_MAX_ATTEMPTS", conversion.retryPolicy().maxAttempts(), 1, 1000),
                env.oneOf("LOG_FORMAT", LogFormat.TEXT, text -> LogFormat.valueOf(text.toUpperCase(Locale.ROOT)),
                        "text or json"),
                level,
                secretsKey(env, embedded),
                rateLimit(env),
                env.oneOf("TELEGRAM_MODE", embedded ? TelegramMode.DRY_RUN : TelegramMode.LIVE,
                        text -> TelegramMode.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_')), "live or dry-run"),
                telegramApiUrl(env),
                env.uri("PUBLIC_BASE_URL", "https"),
                attribution.visitLinkTtl(),
                attribution.attributionWindow(),
                attribution.visitRetention(),
                trustedProxies(env),
                deliveryAttemptRetention(env),
                TracingConfig.fromEnvironment(env));
    }

    /** How long delivery attempts are kept; at least the 24 hours the console's delivery health reads. */
    private static Duration deliveryAttemptRetention(EnvReader env) {
        Duration retention = env.duration("DELIVERY_ATTEMPT_RETENTION", PurgeDeliveryAttemptsService.DEFAULT_RETENTION);
        if (retention.compareTo(PurgeDeliveryAttemptsService.MIN_RETENTION) < 0) {
            throw new ConfigException("DELIVERY_ATTEMPT_RETENTION",
                    "must be at least PT24H (the console's delivery health reads the last 24 hours)");
        }
        return retention;
    }

    private static URI telegramApiUrl(EnvReader env) {
        URI url = env.uri("TELEGRAM_API_URL", "http", "https");
        if (url == null) {
            return TelegramBotApiSettings.DEFAULT_API_URL;
        }
        try {
            return TelegramBotApiSettings.defaults().withApiUrl(url).apiUrl();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("TELEGRAM_API_URL", e.getMessage());
        }
    }

    /** VISIT_LINK_TTL, ATTRIBUTION_WINDOW, VISIT_RETENTION with the rules of {@link AttributionSettings}. */
    private static AttributionSettings attributionSettings(EnvReader env) {
        AttributionSettings defaults = AttributionSettings.defaults();
        Duration window = env.duration("ATTRIBUTION_WINDOW", defaults.attributionWindow());
        Duration retention = env.duration("VISIT_RETENTION", defaults.visitRetention());
        if (retention.compareTo(window) < 0) {
            // the purge would delete the visits enrichment still reads
            throw new ConfigException("VISIT_RETENTION", "must be at least ATTRIBUTION_WINDOW (" + window + ")");
        }
        return new AttributionSettings(null, env.duration("VISIT_LINK_TTL", defaults.visitLinkTtl()), window,
                retention, defaults.purgeBatchSize());
    }

    private static String trustedProxies(EnvReader env) {
        String list = env.raw("TRUSTED_PROXIES");
        try {
            TrustedProxies.parse(list);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("TRUSTED_PROXIES", e.getMessage() + " (a comma-separated list of CIDR blocks)");
        }
        return list == null ? "" : list;
    }

    /** The attribution settings these values make. */
    public AttributionSettings attributionSettings() {
        return new AttributionSettings(publicBaseUrl, visitLinkTtl, attributionWindow, visitRetention,
                AttributionSettings.defaults().purgeBatchSize());
    }

    /**
     * The key ring sealing stored secrets: required with DATABASE_URL; for the embedded default
     * null means "the key file in DATA_DIR" (generated on first start).
     */
    private static String secretsKey(EnvReader env, boolean embedded) {
        String ring = env.raw("SECRETS_KEY");
        if (ring == null || ring.isBlank()) {
            if (!embedded) {
                throw new ConfigException("SECRETS_KEY", "is required when DATABASE_URL is set"
                        + " (a key ring id:base64-of-32-random-bytes, e.g. k1:$(openssl rand -base64 32))");
            }
            return null;
        }
        try {
            AesGcmSecretBox.fromKeyRing(ring);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("SECRETS_KEY", e.getMessage());
        }
        return ring;
    }

    /** The default per-API-key token bucket: RATE_LIMIT_PER_SECOND refill, RATE_LIMIT_BURST capacity. */
    private static RateLimit rateLimit(EnvReader env) {
        int perSecond = env.integer("RATE_LIMIT_PER_SECOND", 100, 1, 1_000_000);
        int burst = env.integer("RATE_LIMIT_BURST", perSecond * 2, 1, 10_000_000);
        return new RateLimit(perSecond, burst);
    }

    /** Never the admin token or the key ring. */
    @Override
    public String toString() {
        return "Config[" + describe(httpPort) + ", adminToken=" + (adminToken == null ? "unset" : "redacted")
                + ", secretsKey=" + (secretsKey == null ? "key file in DATA_DIR" : "redacted") + "]";
    }

    public boolean embeddedDatabase() {
        return databaseUrl == null;
    }

    /** The effective adapter choice, one line, without secrets. */
    public String describe(int boundPort) {
        String persistence = embeddedDatabase()
                ? "embedded-postgres(" + dataDir + ")"
                : "postgres(" + databaseUrl.getHost() + ":" + (databaseUrl.getPort() < 0 ? 5432 : databaseUrl.getPort())
                        + databaseUrl.getPath() + ")";
        String lock = redisUrl == null
                ? "in-process"
                : "redis(" + redisUrl.getHost() + ":" + (redisUrl.getPort() < 0 ? 6379 : redisUrl.getPort()) + ")";
        String meta = metaMode == MetaMode.DRY_RUN ? "dry-run" : "live(" + metaGraphUrl + "/" + metaApiVersion + ")";
        String telegram = telegramMode == TelegramMode.DRY_RUN ? "dry-run" : "live(" + telegramApiUrl + ")";
        return "persistence=" + persistence + " lock=" + lock + " meta=" + meta + " telegram=" + telegram
                + " http=" + httpHost + ":" + boundPort + " tracing=" + tracing.describe();
    }
}
