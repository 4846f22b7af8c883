package io.adtarget.bootstrap.e2e;

import io.adtarget.bootstrap.AdTargetApp;
import io.adtarget.bootstrap.Config;
import io.adtarget.meta.testing.FakeGraphApi;
import io.adtarget.persistence.testing.TestPostgres;
import io.adtarget.persistence.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole service started in-process on port 0, on its own fresh database, the test Redis and a
 * fake Graph API — driven through HTTP only, as a client would. Blocking helpers: call them from
 * the test thread, never from an event loop.
 */
public final class RunningService implements AutoCloseable {
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdefghijklmnop";
    /** The key ring of every test instance (instances of one test share a database, so one ring). */
    public static final String SECRETS_KEY = "t1:" + java.util.Base64.getEncoder().encodeToString(
            "adtarget-test-secrets-key-32byte".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private final Vertx clientVertx = Vertx.vertx();
    private final WebClient client = WebClient.create(clientVertx, new WebClientOptions(), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(64));
    private final FakeGraphApi meta;
    private final String databaseUrl;
    private final Map<String, String> env;
    private AdTargetApp app;

    private RunningService(String databaseUrl, Map<String, String> extraEnv) {
        this.databaseUrl = databaseUrl;
        this.meta = FakeGraphApi.create(clientVertx).start().await();
        this.env = environment(databaseUrl, meta.url(), "0", extraEnv);
        this.app = AdTargetApp.start(Config.fromEnvironment(env));
    }

    /** The test defaults (fast retries, short leases) on a given database, fake Graph API and port, then {@code extra}. */
    public static Map<String, String> environment(String databaseUrl, String metaUrl, String port,
            Map<String, String> extra) {
        Map<String, String> base = new HashMap<>();
        base.put("DATABASE_URL", databaseUrl);
        base.put("REDIS_URL", TestRedis.url());
        base.put("SECRETS_KEY", SECRETS_KEY);
        // storms send hundreds of requests of one key at once: only the rate-limit tests set a real limit
        base.put("RATE_LIMIT_PER_SECOND", "1000000");
        base.put("META_MODE", "live");
        base.put("META_GRAPH_URL", metaUrl);
        base.put("META_TIMEOUT", "PT1S");
        base.put("DELIVERY_LEASE", "PT3S");
        base.put("ADMIN_TOKEN", ADMIN_TOKEN);
        base.put("HTTP_HOST", "127.0.0.1");
        base.put("HTTP_PORT", port);
        base.put("DEV_SEED", "false");
        base.put("RETRY_POLL_INTERVAL", "PT0.2S");
        base.put("RETRY_BASE_DELAY", "PT0.3S");
        base.putAll(extra);
        return Map.copyOf(base);
    }

    /** The environment of one more instance beside this one: same database, Redis and fake Graph API, port 0. */
    public Map<String, String> siblingEnvironment(Map<String, String> extra) {
        return environment(databaseUrl, meta.url(), "0", extra);
    }

    /** A service on a fresh, empty database. */
    public static RunningService start(Map<String, String> extraEnv) {
        return new RunningService(TestPostgres.freshDatabase(false), extraEnv);
    }

    public static RunningService start() {
        return start(Map.of());
    }

    /**
     * A service on the given database (e.g. an {@code OwnEmbeddedPostgres} a fault test stops and
     * restarts); {@code extraEnv} may set {@code REDIS_URL} to a private Redis as well.
     */
    public static RunningService startOn(String databaseUrl, Map<String, String> extraEnv) {
        return new RunningService(databaseUrl, extraEnv);
    }

    /** Stops the application (graceful) and starts it again on the same database and Redis. */
    public void restart() {
        app.stop();
        app = AdTargetApp.start(Config.fromEnvironment(env));
    }

    public FakeGraphApi meta() {
        return meta;
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public int port() {
        return app.port();
    }

    public HttpRequest<Buffer> request(HttpMethod method, String path) {
        return client.request(method, app.port(), "127.0.0.1", path);
    }

    /** POST /api/v1/events/conversion with an API key and an optional Idempotency-Key. */
    public HttpResponse<Buffer> postConversion(String apiKey, String idempotencyKey, JsonObject body) {
        HttpRequest<Buffer> request = request(HttpMethod.POST, "/api/v1/events/conversion")
                .putHeader("Authorization", "Bearer " + apiKey);
        if (idempotencyKey != null) {
            request.putHeader("Idempotency-Key", idempotencyKey);
        }
        return request.sendJsonObject(body).await();
    }

    public JsonObject getConversion(String apiKey, String conversionId) {
        HttpResponse<Buffer> response = request(HttpMethod.GET, "/api/v1/events/conversion/" + conversionId)
                .putHeader("Authorization", "Bearer " + apiKey).send().await();
        if (response.statusCode() != 200) {
            throw new AssertionError("GET conversion answered " + response.statusCode() + ": " + response.bodyAsString());
        }
        return response.bodyAsJsonObject();
    }

    /** An admin call that must succeed with {@code expectedStatus}; returns the JSON body (or null). */
    public JsonObject admin(HttpMethod method, String path, JsonObject body, int expectedStatus) {
        HttpRequest<Buffer> request = request(method, path).putHeader("Authorization", "Bearer " + ADMIN_TOKEN);
        HttpResponse<Buffer> response = body == null ? request.send().await() : request.sendJsonObject(body).await();
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.bodyAsString());
        }
        return response.body() == null || response.body().length() == 0 ? null : response.bodyAsJsonObject();
    }

    public Tenant provision(String mode, boolean withMeta, String testEventCode, String channelId) {
        return Tenant.provision(this, mode, withMeta, testEventCode, channelId);
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            meta.stop().await();
            client.close();
            clientVertx.close().await();
        }
    }
}
