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
import io.adtarget.persistence.pg.PgDeliveryAttempts;
import io.adtarget.persistence.pg.PgDeliveryHealth;
import io.adtarget.persistence.pg.PgIdempotencyStore;
import io.adtarget.persistence.pg.PgPixelThrottles;
import io.adtarget.persistence.pg.PgSiteDirectory;
import io.adtarget.persistence.pg.PgSiteRepository;
import io.adtarget.persistence.redis.FallbackRateLimiter;
import io.adtarget.persistence.redis.RedisDistributedLock;
import io.adtarget.persistence.redis.RedisRateLimiter;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;

/** Builds the outbound adapters the configuration selects (the composition root's outer layer). */
final class Adapters {
    static final String REDIS_KEY_PREFIX = "adtarget:";

    private Adapters() {
    }

    static Services.Ports ports(Vertx vertx, Config config, Pool pool, Redis redis, MetaAttemptListener metaListener,
            MicrometerTelemetry telemetry, SecretBox secrets) {
        PgDeliveryAttempts attempts = new PgDeliveryAttempts(pool);
        return new Services.Ports(
                new PgIdempotencyStore(pool),
                new PgConversionRepository(pool),
                new PgSiteRepository(pool, secrets),
                new PgSiteDirectory(pool, secrets),
                new PgAccountRepository(pool),
                new PgApiKeyRepository(pool),
                lock(vertx, redis),
                gateway(vertx, config, metaListener),
                new VertxTimers(vertx),
                telemetry,
                new PgPixelThrottles(pool),
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
        return redis == null ? new LocalDistributedLock(vertx) : new RedisDistributedLock(vertx, RedisAPI.api(redis), REDIS_KEY_PREFIX);
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
