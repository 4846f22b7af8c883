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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** #16: a token bucket per API key, shared by every instance through Redis; tenants do not share. */
class RateLimitEndToEndTest {
    private static final Map<String, String> LIMIT = Map.of("RATE_LIMIT_PER_SECOND", "1", "RATE_LIMIT_BURST", "20");

    @Test
    void two_instances_sharing_one_redis_share_the_bucket_of_a_key() {
        try (RunningService first = RunningService.start(LIMIT)) {
            Tenant tenant = first.provision("live", true, null, "-1001234567890");
            AdTargetApp second = AdTargetApp.start(Config.fromEnvironment(first.siblingEnvironment(LIMIT)));
            Vertx vertx = Vertx.vertx();
            WebClient client = WebClient.create(vertx);
            try {
                int allowed = 0;
                List<Integer> refusedOn = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    int port = i % 2 == 0 ? first.port() : second.port();
                    HttpResponse<Buffer> response = client.get(port, "127.0.0.1", "/api/v1/events/conversion")
                            .putHeader("Authorization", "Bearer " + tenant.apiKey()).send().await();
                    assertThat(response.getHeader("RateLimit-Limit")).isEqualTo("20");
                    if (response.statusCode() == 200) {
                        allowed++;
                    } else {
                        assertRateLimited(response);
                        refusedOn.add(port);
                    }
                }
                // two separate buckets of 20 would have let all 40 through
                assertThat(allowed).isLessThan(40);
                assertThat(refusedOn).contains(first.port(), second.port());
            } finally {
                second.stop();
                client.close();
                vertx.close().await();
            }
        }
    }

    @Test
    void a_flood_of_replays_from_one_tenant_is_limited_while_every_request_of_another_tenant_succeeds() {
        try (RunningService service = RunningService.start(LIMIT)) {
            Tenant flooding = service.provision("live", true, null, "-1001234567890");
            Tenant quiet = service.provision("live", true, null, "-1009876543210");
            int floodRefused = 0;
            int quietServed = 0;
            for (int i = 0; i < 60; i++) {
                // the same Idempotency-Key each time: replays count against the limit too
                HttpResponse<Buffer> flood = service.postConversion(flooding.apiKey(), "same-key",
                        flooding.purchase(1));
                if (flood.statusCode() == 429) {
                    assertRateLimited(flood);
                    floodRefused++;
                } else {
                    assertThat(flood.statusCode()).isIn(200, 201);
                }
                if (i % 6 == 0) {
                    HttpResponse<Buffer> answer = service.postConversion(quiet.apiKey(), null, quiet.purchase(100 + i));
                    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(201);
                    assertThat(answer.getHeader("RateLimit-Limit")).isEqualTo("20");
                    assertThat(answer.getHeader("RateLimit-Remaining")).isNotNull();
                    assertThat(answer.getHeader("RateLimit-Reset")).isNotNull();
                    quietServed++;
                }
            }
            assertThat(floodRefused).isPositive();
            assertThat(quietServed).isEqualTo(10);
        }
    }

    @Test
    void a_request_without_a_valid_key_is_refused_as_unauthorized_before_any_limit() {
        try (RunningService service = RunningService.start(LIMIT)) {
            HttpResponse<Buffer> response = service.request(HttpMethod.GET, "/api/v1/events/conversion")
                    .putHeader("Authorization", "Bearer sk_live_notakey").send().await();
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.getHeader("RateLimit-Limit")).isNull();
        }
    }

    private static void assertRateLimited(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
        JsonObject problem = response.bodyAsJsonObject();
        assertThat(problem.getString("code")).isEqualTo("rate-limited");
        assertThat(problem.getString("requestId")).isNotBlank();
        assertThat(Long.parseLong(response.getHeader("Retry-After"))).isPositive();
        assertThat(response.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThat(response.getHeader("RateLimit-Reset")).isNotNull();
    }
}
