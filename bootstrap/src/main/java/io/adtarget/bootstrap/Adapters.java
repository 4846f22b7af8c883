package io.adtarget.bootstrap;

import io.adtarget.application.port.out.ConversionsGateway;
import io.adtarget.application.port.out.DistributedLock;
import io.adtarget.application.port.out.SecretBox;
import io.adtarget.meta.DryRunConversionsGateway;
import io.adtarget.meta.GraphApiConversionsGateway;
import io.adtarget.meta.MetaAttemptListener;
import io.adtarget.meta.MetaGatewaySettings;
import io.adtarget.persistence.local.LocalDistributedLock;
import io.adtarget.persistence.local.LocalRateLimiter;
import io.adtarget.persistence.pg.PgAccountRepository;
import io.adtarget.persistence.pg.PgApiKeyRepository;
import io.adtarget.persistence.pg.PgConversionRepository;
import io.adtarget.persistence.local.ReplayCachingIdempotencyStore;
import io.adtarget.persistence.pg.CachedApiKeyRepository;
import io.adtarget.persistence.pg.ChangeAnnouncingAccountRepository;
import io.adtarget.persistence.pg.ChangeAnnouncingSiteRepository;
import io.adtarget.persistence.pg.CachedSiteDirectory;
import io.adtarget.persistence.pg.PgChangeFeed;
import io.adtarget.persistence.pg.PgDeliveryAttempts;
import io.adtarget.persistence.pg.PgDeliveryHealth;
import io.adtarget.persistence.pg.PgIdempotencyStore;
import io.adtarget.persistence.pg.CachedPixelThrottles;
import io.adtarget.persistence.pg.PgPixelThrottles;
import io.adtarget.persistence.pg.PgSiteDirectory;
import io.adtarget.persistence.pg.PgSiteRepository;
import io.adtarget.persistence.redis.FallbackRateLimiter;
import io.adtarget.persistence.redis.RedisDistributedLock;
import io.adtarget.persistence.redis.RedisRateLimiter;
import io.adtarget.persistence.redis.RedisReachability;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;

/** Builds the outbound adapters the configuration selects (the composition root's outer layer). */
final class Adapters {
    static final String REDIS_KEY_PREFIX = "adtarget:";
    /** Completed idempotency records answered from memory (replays), least recently used first out. */
    static final int REPLAY_CACHE_ENTRIES = 20_000;
    /** API keys by hash and sites by (account, channel) held in memory, invalidated through LISTEN/NOTIFY. */
    static final int LOOKUP_CACHE_ENTRIES = 10_000;

    /**
     * How long the delivery attempt log gathers attempts before it writes a partial batch (issue #15): one
     * statement for many deliveries instead of one each; an attempt shows in the API at most this much later.
     */
    static final java.time.Duration ATTEMPT_LOG_LINGER = java.time.Duration.ofMillis(20);

    private Adapters() {
    }

    static Services.Ports ports(Vertx vertx, Config config, Pool pool, PgChangeFeed changeFeed, Redis redis,
            MetaAttemptListener metaListener, MicrometerTelemetry telemetry, SecretBox secrets) {
        PgDeliveryAttempts attempts = new PgDeliveryAttempts(pool, vertx, ATTEMPT_LOG_LINGER);
        return new Services.Ports(
                new ReplayCachingIdempotencyStore(new PgIdempotencyStore(pool), REPLAY_CACHE_ENTRIES),
                new PgConversionRepository(pool),
                new ChangeAnnouncingSiteRepository(new PgSiteRepository(pool, secrets), changeFeed),
                new CachedSiteDirectory(new PgSiteDirectory(pool, secrets), changeFeed, LOOKUP_CACHE_ENTRIES),
                new ChangeAnnouncingAccountRepository(new PgAccountRepository(pool), changeFeed),
                new CachedApiKeyRepository(new PgApiKeyRepository(pool), changeFeed, LOOKUP_CACHE_ENTRIES),
                lock(vertx, redis),
                gateway(vertx, config, metaListener),
                new VertxTimers(vertx),
                telemetry,
                new CachedPixelThrottles(new PgPixelThrottles(pool), changeFeed, LOOKUP_CACHE_ENTRIES),
                redis == null
                        ? new LocalRateLimiter()
                        : new FallbackRateLimiter(new RedisRateLimiter(RedisAPI.api(redis), REDIS_KEY_PREFIX),
                                new LocalRateLimiter()),
                attempts,
                attempts,
                new PgDeliveryHealth(pool));
    }

    static Redis redis(Vertx vertx, Config config) {
        if (config.redisUrl() == null) {
            return null;
        }
        return RedisDistributedLock.client(vertx, config.redisUrl().toString(), Math.max(8, config.databasePoolSize()));
    }

    private static DistributedLock lock(Vertx vertx, Redis redis) {
        return redis == null ? new LocalDistributedLock(vertx)
                : new RedisDistributedLock(vertx, RedisAPI.api(redis), REDIS_KEY_PREFIX, RedisReachability.watch(vertx, redis));
    }

    private static ConversionsGateway gateway(Vertx vertx, Config config, MetaAttemptListener listener) {
        if (config.metaMode() == Config.MetaMode.DRY_RUN) {
            return new DryRunConversionsGateway(listener);
        }
        MetaGatewaySettings settings = new MetaGatewaySettings(config.metaGraphUrl(), config.metaApiVersion(),
                config.metaTimeout(), MetaGatewaySettings.DEFAULT_MAX_CONNECTIONS);
        return new GraphApiConversionsGateway(vertx, settings, listener);
    }
}
