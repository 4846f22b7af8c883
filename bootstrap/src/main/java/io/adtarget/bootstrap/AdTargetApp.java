package io.adtarget.bootstrap;

import io.adtarget.application.service.PurgeDeliveryAttemptsService;
import io.adtarget.application.service.RateLimitService;
import io.adtarget.domain.idempotency.FingerprintMode;
import io.adtarget.http.ApiRouter;
import io.adtarget.http.AttributionEndpoints;
import io.adtarget.http.HttpDependencies;
import io.adtarget.persistence.local.AesGcmSecretBox;
import io.adtarget.persistence.pg.Migrations;
import io.adtarget.persistence.pg.PgChangeFeed;
import io.adtarget.persistence.pg.PgPools;
import io.adtarget.persistence.pg.PgSecretSealing;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance of the service: start builds adapters → services → router by hand and
 * deploys the HTTP verticles and workers; stop drains and closes in reverse order.
 */
public final class AdTargetApp {
    private static final Logger LOG = LoggerFactory.getLogger(AdTargetApp.class);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Config config;
    private Vertx vertx;
    private Pool pool;
    private PgChangeFeed changeFeed;
    private Redis redis;
    private Workers workers;
    private io.adtarget.persistence.pg.PgDeliveryAttempts attemptLog;
    private Tracing tracing;
    private final List<String> httpDeployments = new ArrayList<>();
    private int port;
    private String adminToken;

    private AdTargetApp(Config config) {
        this.config = config;
    }

    /** Starts the service (blocking; call it off any event loop). */
    public static AdTargetApp start(Config config) {
        AdTargetApp app = new AdTargetApp(config);
        try {
            app.doStart();
            return app;
        } catch (Exception e) {
            // Also the checked failures Future.await() rethrows undeclared (a BindException): stop what started.
            app.stop();
            throw e;
        }
    }

    private void doStart() {
        long started = System.nanoTime();
        LOG.info("{}", config.describe(config.httpPort()));
        if (config.redisUrl() == null) {
            LOG.warn("lock=in-process: safe for ONE instance only; set REDIS_URL when running several");
        }
        String databaseUrl;
        if (config.embeddedDatabase()) {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir());
            closeables.add(embedded);
            databaseUrl = embedded.url();
        } else {
            databaseUrl = config.databaseUrl().toString();
        }
        Migrations.migrate(databaseUrl);

        String registryName = "adtarget-" + UUID.randomUUID();
        tracing = Tracing.create(config.tracing());
        // One event loop per core (Vert.x defaults to two per core): fewer threads contending for 2 cores.
        vertx = Vertx.builder().with(new VertxOptions()
                .setEventLoopPoolSize(Math.max(1, Runtime.getRuntime().availableProcessors()))
                .setMetricsOptions(new MicrometerMetricsOptions()
                        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
                        // Our adtarget_http_* series (route templates, bounded) replace Vert.x's
                        // vertx_http_server_*, whose method and path labels grow with every invented
                        // method a client sends (300 of them tripled /metrics, for good).
                        .addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER)
                        .setJvmMetricsEnabled(true)
                        .setRegistryName(registryName)
                        .setEnabled(true)))
                .withTracer(tracing.factory()).build();
        MeterRegistry registry = BackendRegistries.getNow(registryName);
        pool = PgPools.create(vertx, databaseUrl, config.databasePoolSize());
        redis = Adapters.redis(vertx, config);
        Observability observability = new Observability(registry);
        MicrometerTelemetry telemetry = new MicrometerTelemetry(registry);
        Clock clock = Clock.systemUTC();
        AesGcmSecretBox secrets = SecretsKeyFile.box(config);
        int sealed = new PgSecretSealing(pool, secrets).sealPlaintext().await();
        if (sealed > 0) {
            LOG.info("sealed {} plaintext access token(s) from before V4 with key {}", sealed, secrets.currentKeyId());
        }
        // Before any request: the caches of API keys and sites serve only while it listens.
        changeFeed = PgChangeFeed.start(vertx, PgPools.connectOptions(databaseUrl), Duration.ofSeconds(1)).await();
        Services.Ports ports = Adapters.ports(vertx, config, pool, changeFeed, redis, observability, telemetry,
                secrets);
        attemptLog = ports.attemptLog() instanceof io.adtarget.persistence.pg.PgDeliveryAttempts pg ? pg : null;
        Attribution attribution = new Attribution(vertx, config, pool, changeFeed, secrets, ports.sites(), clock);
        Services services = Services.build(config, ports, clock, attribution.enrichment());

        adminToken = config.adminToken();
        boolean generatedAdminToken = false;
        if (adminToken == null && config.devSeed()) {
            adminToken = Secrets.adminToken();
            generatedAdminToken = true;
        }
        var seeded = config.devSeed()
                ? new DevSeed(ports.accounts(), services.accountAdmin(), services.siteAdmin(), attribution.keys,
                        attribution.connections, clock).applyIfEmpty().await()
                : Optional.<DevSeed.Seeded>empty();

        HttpDependencies http = new HttpDependencies(services.recordConversion(), services.queries(),
                services.queries(), services.authenticate(), services.idempotency(), services.accountAdmin(),
                services.siteAdmin(), clock, adminToken,
                config.idempotencyFingerprint() != FingerprintMode.OFF,
                new OperationsChecks(pool, redis, registryName), observability,
                new RateLimitService(ports.rateLimiter(), config.rateLimit()),
                new HttpDependencies.Console(services.deliveryAttempts(), services.deliveryAttempts(),
                        services.retryConversion(), services.deliveryHealth(), services.metaTest()));
        deployHttp(http, attribution.endpoints(config, ports.sites(), ports.siteDirectory(), services.recordConversion(),
                ports.rateLimiter(), telemetry));

        workers = new Workers(vertx, config, services, ports.conversions(), telemetry, clock, attribution.purge,
                new PurgeDeliveryAttemptsService(ports.attemptHistory(), clock, config.deliveryAttemptRetention(),
                        PurgeDeliveryAttemptsService.BATCH_SIZE));
        workers.start();

        String baseUrl = "http://localhost:" + port;
        // The dev seed's secrets are for the person at the terminal: printed once, never logged (logs are
        // shipped and kept). With JSON logs stdout is the log stream and must hold JSON only: stderr then.
        PrintStream terminal = config.logFormat() == Config.LogFormat.JSON ? System.err : System.out;
        if (seeded.isPresent()) {
            terminal.println(DevSeed.banner(seeded.get(), baseUrl, adminToken, generatedAdminToken));
        } else if (generatedAdminToken) {
            terminal.println("admin token (this run only; set ADMIN_TOKEN to keep one): " + adminToken);
        }
        LOG.info("ready in {} ms on {}", (System.nanoTime() - started) / 1_000_000, baseUrl);
    }

    private void deployHttp(HttpDependencies http, AttributionEndpoints attribution) {
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger bound = new AtomicInteger();
        // One deployment of N instances: Vert.x shares the listening socket between them (port 0 included).
        httpDeployments.add(vertx.deployVerticle(() -> new HttpVerticle(v -> ApiRouter.create(v, http, attribution),
                config.httpHost(), config.httpPort(), bound), new DeploymentOptions().setInstances(instances))
                .await());
        port = bound.get();
    }

    /** The port the HTTP server listens on (useful with HTTP_PORT=0). */
    public int port() {
        return port;
    }

    /** The admin token in force (configured, or generated for the dev seed). */
    public String adminToken() {
        return adminToken;
    }

    /**
     * Drains HTTP (≤ 10 s), stops workers, closes pools and Vert.x, flushes the buffered spans (≤ 10 s,
     * tracing on only), stops the embedded Postgres. Blocking.
     */
    public synchronized void stop() {
        if (vertx != null) {
            for (String id : httpDeployments) {
                quietly(() -> vertx.undeploy(id).await());
            }
            httpDeployments.clear();
            if (workers != null) {
                quietly(() -> workers.stop().await());
            }
            if (changeFeed != null) {
                quietly(() -> changeFeed.close().await());
                changeFeed = null;
            }
            if (attemptLog != null) {
                // the last attempt records are written before the pool closes (bounded: they are history)
                quietly(() -> attemptLog.drained().timeout(2, java.util.concurrent.TimeUnit.SECONDS).await());
                attemptLog = null;
            }
            if (pool != null) {
                quietly(() -> pool.close().await());
            }
            if (redis != null) {
                quietly(() -> redis.close().await());
            }
            quietly(() -> vertx.close().await());
            vertx = null;
        }
        if (tracing != null) {
            // after Vert.x: the spans of the drained requests and of the last queries have ended
            quietly(tracing::shutdown);
            tracing = null;
        }
        for (AutoCloseable closeable : closeables) {
            quietly(closeable::close);
        }
        closeables.clear();
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            LOG.warn("shutdown step failed: {}", e.toString());
        }
    }
}
