package io.adtarget.bootstrap;

import io.adtarget.application.port.out.AccountRepository;
import io.adtarget.application.port.out.ApiKeyRepository;
import io.adtarget.application.port.out.ConversionRepository;
import io.adtarget.application.port.out.ConversionsGateway;
import io.adtarget.application.port.out.DeliveryAttemptHistory;
import io.adtarget.application.port.out.DeliveryAttemptLog;
import io.adtarget.application.port.out.DeliveryHealthStats;
import io.adtarget.application.port.out.DistributedLock;
import io.adtarget.application.port.out.IdempotencyStore;
import io.adtarget.application.port.out.PixelThrottles;
import io.adtarget.application.port.out.RateLimiter;
import io.adtarget.application.port.out.SiteDirectory;
import io.adtarget.application.port.out.SiteRepository;
import io.adtarget.application.port.out.Telemetry;
import io.adtarget.application.port.out.Timers;
import io.adtarget.application.service.AccountAdminService;
import io.adtarget.application.service.AuthenticateApiKeyService;
import io.adtarget.application.service.ConversionSettings;
import io.adtarget.application.service.DeliverConversionService;
import io.adtarget.application.service.DeliveryAttemptsService;
import io.adtarget.application.service.DeliveryHealthService;
import io.adtarget.application.service.IdempotencyService;
import io.adtarget.application.service.IdempotencySettings;
import io.adtarget.application.service.MetaConnectionTestService;
import io.adtarget.application.service.PurgeIdempotencyRecordsService;
import io.adtarget.application.service.QueryConversionsService;
import io.adtarget.application.service.RecordConversionService;
import io.adtarget.application.service.RetryConversionService;
import io.adtarget.application.service.RetryDueConversionsService;
import io.adtarget.application.service.SiteAdminService;
import io.adtarget.application.service.VisitEnrichment;
import io.adtarget.domain.conversion.BackoffPolicy;
import io.adtarget.domain.conversion.RetryPolicy;
import java.security.SecureRandom;
import java.time.Clock;

/** The application services, built by hand from the adapters (the composition root's middle layer). */
record Services(
        IdempotencyService idempotency,
        RecordConversionService recordConversion,
        DeliverConversionService deliverConversion,
        RetryDueConversionsService retryDue,
        PurgeIdempotencyRecordsService purge,
        QueryConversionsService queries,
        AuthenticateApiKeyService authenticate,
        AccountAdminService accountAdmin,
        SiteAdminService siteAdmin,
        ConversionSettings conversionSettings,
        DeliveryAttemptsService deliveryAttempts,
        RetryConversionService retryConversion,
        DeliveryHealthService deliveryHealth,
        MetaConnectionTestService metaTest) {

    /** The outbound ports the services need. */
    record Ports(IdempotencyStore idempotencyStore, ConversionRepository conversions, SiteRepository sites,
            SiteDirectory siteDirectory, AccountRepository accounts, ApiKeyRepository apiKeys, DistributedLock lock,
            ConversionsGateway gateway, Timers timers, Telemetry telemetry, PixelThrottles throttles,
            RateLimiter rateLimiter, DeliveryAttemptLog attemptLog, DeliveryAttemptHistory attemptHistory,
            DeliveryHealthStats deliveryHealth) {
    }

    static Services build(Config config, Ports ports, Clock clock) {
        return build(config, ports, clock, VisitEnrichment.NONE);
    }

    /** With {@code enrichment}, the record path's one call into Telegram attribution. */
    static Services build(Config config, Ports ports, Clock clock, VisitEnrichment enrichment) {
        SecureRandom random = new SecureRandom();
        IdempotencySettings idempotencySettings = new IdempotencySettings(config.idempotencyReplayWindow(),
                config.idempotencyRetention(), config.idempotencyLease(), config.idempotencyInflightWait(),
                IdempotencySettings.defaults().pollInterval(), config.idempotencyFingerprint(),
                IdempotencySettings.defaults().purgeBatchSize());
        ConversionSettings conversionSettings = conversionSettings(config);

        DeliverConversionService deliver = new DeliverConversionService(ports.conversions(), ports.gateway(), clock,
                random, conversionSettings, ports.telemetry(), ports.throttles(), ports.attemptLog());
        return new Services(
                new IdempotencyService(ports.idempotencyStore(), ports.timers(), clock, random, idempotencySettings,
                        ports.telemetry()),
                new RecordConversionService(ports.siteDirectory(), ports.conversions(), ports.lock(), deliver, clock,
                        random, conversionSettings, ports.telemetry(), ports.timers(), enrichment),
                deliver,
                new RetryDueConversionsService(ports.conversions(), ports.sites(), deliver, clock, conversionSettings,
                        ports.throttles()),
                new PurgeIdempotencyRecordsService(ports.idempotencyStore(), clock, idempotencySettings,
                        ports.telemetry()),
                new QueryConversionsService(ports.conversions()),
                new AuthenticateApiKeyService(ports.apiKeys()),
                new AccountAdminService(ports.accounts(), ports.apiKeys(), clock, random, random),
                new SiteAdminService(ports.sites(), ports.accounts(), clock, random),
                conversionSettings,
                new DeliveryAttemptsService(ports.conversions(), ports.attemptHistory()),
                new RetryConversionService(ports.conversions(), ports.sites(), deliver, clock, conversionSettings),
                new DeliveryHealthService(ports.deliveryHealth(), ports.accounts(), clock),
                new MetaConnectionTestService(ports.sites(), ports.gateway(),
                        config.metaMode() == Config.MetaMode.DRY_RUN, clock, random));
    }

    /**
     * The match-key lock keeps the documented TTL whatever DELIVERY_LEASE is: a live holder renews
     * it every ttl/3, so the TTL only bounds how long a crashed holder blocks the match key, and it
     * must stay below the lock wait so a retry outlasts an orphaned lock instead of answering 503.
     * A lock that lapses anyway is covered by Postgres (advisory lock in the upsert, delivery lease).
     */
    static ConversionSettings conversionSettings(Config config) {
        ConversionSettings defaults = ConversionSettings.defaults();
        RetryPolicy retryPolicy = new RetryPolicy(config.retryMaxAttempts(), BackoffPolicy.standard(config.retryBaseDelay()));
        return new ConversionSettings(config.dedupWindow(), config.deliveryLease(), retryPolicy, defaults.lockTtl(),
                defaults.lockWait(), defaults.retryBatchSize(), config.metaTimeout());
    }
}
