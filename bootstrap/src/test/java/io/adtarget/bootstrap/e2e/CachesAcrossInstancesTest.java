package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.AdTargetApp;
import io.adtarget.bootstrap.Config;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #15: API keys and sites are cached in each instance's memory, and a change made through one
 * instance reaches the other's cache through Postgres LISTEN/NOTIFY — a key revoked on the first stops
 * working on the second, a site disabled on the first is disabled on the second, without waiting
 * for any expiry (the caches have none).
 */
class CachesAcrossInstancesTest {
    /** Far below any expiry a cache could have: only an invalidation explains a change this fast. */
    static final long PROPAGATION_BOUND_MS = 2_000;
    static RunningService first;
    static AdTargetApp second;
    static Vertx clientVertx;
    static WebClient client;

    @BeforeAll
    static void start() {
        first = RunningService.start(Map.of());
        second = AdTargetApp.start(Config.fromEnvironment(first.siblingEnvironment(Map.of())));
        clientVertx = Vertx.vertx();
        client = WebClient.create(clientVertx);
    }

    @AfterAll
    static void stop() {
        try {
            client.close();
            clientVertx.close().await();
            if (second != null) {
                second.stop();
            }
        } finally {
            first.close();
        }
    }

    static HttpResponse<Buffer> postToSecond(Tenant tenant, String apiKey) {
        JsonObject body = tenant.purchase(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1);
        return client.request(HttpMethod.POST, second.port(), "127.0.0.1", "/api/v1/events/conversion")
                .putHeader("Authorization", "Bearer " + apiKey)
                .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                .sendJsonObject(body).await();
    }

    /** Posts to the second instance until {@code done} holds; fails once {@link #PROPAGATION_BOUND_MS} have passed. */
    static void seenWithinBound(Tenant tenant, String apiKey, java.util.function.Predicate<HttpResponse<Buffer>> done) {
        long started = System.nanoTime();
        while (true) {
            HttpResponse<Buffer> response = postToSecond(tenant, apiKey);
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            if (done.test(response)) {
                return;
            }
            assertThat(elapsed).as("change not seen by the second instance; last answer %s %s",
                    response.statusCode(), response.bodyAsString()).isLessThan(PROPAGATION_BOUND_MS);
        }
    }

    @Test
    void a_key_revoked_on_one_instance_stops_working_on_the_other() {
        Tenant tenant = first.provision("live", true, null, "-1001100000001");
        assertThat(postToSecond(tenant, tenant.apiKey()).statusCode()).isEqualTo(201);
        assertThat(postToSecond(tenant, tenant.apiKey()).statusCode()).as("served from the cache").isEqualTo(201);

        first.admin(HttpMethod.DELETE, "/admin/v1/api-keys/" + tenant.apiKeyId(), null, 204);

        seenWithinBound(tenant, tenant.apiKey(), response -> response.statusCode() == 401);
    }

    @Test
    void a_site_disabled_on_one_instance_is_disabled_on_the_other() {
        Tenant tenant = first.provision("live", true, null, "-1001100000002");
        HttpResponse<Buffer> before = postToSecond(tenant, tenant.apiKey());
        assertThat(before.statusCode()).isEqualTo(201);
        assertThat(before.bodyAsJsonObject().getString("status")).isEqualTo("sent");

        first.admin(HttpMethod.PATCH, "/admin/v1/sites/" + tenant.siteId(), new JsonObject().put("enabled", false), 200);

        seenWithinBound(tenant, tenant.apiKey(), response -> response.statusCode() == 201
                && "site-disabled".equals(response.bodyAsJsonObject().getString("skipReason")));
    }
}
