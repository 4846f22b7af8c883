package io.adtarget.bootstrap;

import io.adtarget.application.port.in.RecordConversionUseCase;
import io.adtarget.application.port.out.SecretBox;
import io.adtarget.application.port.out.SiteDirectory;
import io.adtarget.application.port.out.SiteRepository;
import io.adtarget.application.port.out.TelegramBotApi;
import io.adtarget.application.port.out.Telemetry;
import io.adtarget.application.service.AttributionSettings;
import io.adtarget.application.service.ChannelStatsService;
import io.adtarget.application.service.PublishableKeyService;
import io.adtarget.application.service.PurgeVisitsService;
import io.adtarget.application.service.TelegramConnectionService;
import io.adtarget.application.service.TelegramUpdateService;
import io.adtarget.application.service.VisitEnrichment;
import io.adtarget.application.service.VisitRateLimitService;
import io.adtarget.application.service.VisitService;
import io.adtarget.application.port.out.RateLimiter;
import io.adtarget.domain.account.RateLimit;
import io.adtarget.http.AttributionEndpoints;
import io.adtarget.http.attribution.TrustedProxies;
import io.adtarget.persistence.pg.PgMembershipLog;
import io.adtarget.persistence.pg.PgPublishableKeyRepository;
import io.adtarget.persistence.pg.PgTelegramConnectionRepository;
import io.adtarget.persistence.pg.CachedAttributedJoins;
import io.adtarget.persistence.pg.PgChangeFeed;
import io.adtarget.persistence.pg.PgVisitRepository;
import io.adtarget.telegram.DryRunTelegramBotApi;
import io.adtarget.telegram.HttpTelegramBotApi;
import io.adtarget.telegram.TelegramBotApiSettings;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The Telegram attribution part of the composition root (attribution.md): its adapters (Postgres, the Bot API
 * gateway TELEGRAM_MODE selects), its services, and what the HTTP adapter and the workers need of them.
 */
final class Attribution {
    /** Each client IP may capture this many visits a second (a burst of 20): one browser cannot spend a site's budget. */
    static final RateLimit PER_IP = new RateLimit(2, 20);

    final AttributionSettings settings;
    final PgVisitRepository visits;
    /** Enrichment's look-up, skipped in accounts without attributed joins (hot path, #15). */
    private final CachedAttributedJoins attributedJoins;
    final PgMembershipLog log;
    final PgPublishableKeyRepository publishableKeys;
    final PgTelegramConnectionRepository connections;
    final TelegramBotApi telegram;
    final PublishableKeyService keys;
    final PurgeVisitsService purge;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Attribution(Vertx vertx, Config config, Pool pool, PgChangeFeed changeFeed, SecretBox secrets,
            SiteRepository sites, Clock clock) {
        this.settings = config.attributionSettings();
        this.clock = clock;
        this.visits = new PgVisitRepository(pool);
        this.attributedJoins = new CachedAttributedJoins(visits, changeFeed, Adapters.LOOKUP_CACHE_ENTRIES);
        this.log = new PgMembershipLog(pool, changeFeed);
        this.publishableKeys = new PgPublishableKeyRepository(pool);
        this.connections = new PgTelegramConnectionRepository(pool, secrets);
        this.telegram = config.telegramMode() == Config.TelegramMode.DRY_RUN
                ? new DryRunTelegramBotApi()
                : new HttpTelegramBotApi(vertx, TelegramBotApiSettings.defaults().withApiUrl(config.telegramApiUrl()));
        this.keys = new PublishableKeyService(publishableKeys, sites, clock, random);
        this.purge = new PurgeVisitsService(visits, clock, settings);
    }

    /** The single collaborator the record-conversion service calls (attribution.md §Enrichment). */
    VisitEnrichment enrichment() {
        return new VisitEnrichment(attributedJoins, settings.attributionWindow());
    }

    AttributionEndpoints endpoints(Config config, SiteRepository sites, SiteDirectory directory,
            RecordConversionUseCase recordConversion, RateLimiter limiter, Telemetry telemetry) {
        return new AttributionEndpoints(keys, keys,
                new TelegramConnectionService(connections, sites, telegram, settings, clock, random),
                new VisitService(visits, sites, connections, telegram, settings, clock, random),
                new TelegramUpdateService(connections, sites, visits, log, telegram, recordConversion, telemetry, clock),
                new ChannelStatsService(directory, log),
                new VisitRateLimitService(limiter, config.rateLimit(), PER_IP),
                TrustedProxies.parse(config.trustedProxies()));
    }
}
