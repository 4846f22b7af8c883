package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * #16: an account's own rate limit, set through the admin API, applies to every key of the account;
 * another account keeps the service's default. The test services' default is out of the way (10⁶/s).
 */
class AccountRateLimitEndToEndTest {
    private static final String DEFAULT_BURST = "2000000";

    @Test
    void an_account_with_a_low_limit_gets_429_while_an_account_on_the_default_does_not() {
        try (RunningService service = RunningService.start()) {
            Tenant limited = service.provision("live", true, null, "-1001234567890");
            Tenant regular = service.provision("live", true, null, "-1009876543210");
            JsonObject patched = service.admin(HttpMethod.PATCH, "/admin/v1/accounts/" + limited.accountId(),
                    new JsonObject().put("rateLimitPerSecond", 1), 200);
            assertThat(patched.getInteger("rateLimitPerSecond")).isEqualTo(1);
            assertThat(service.admin(HttpMethod.GET, "/admin/v1/accounts/" + limited.accountId(), null, 200)
                    .getInteger("rateLimitPerSecond")).isEqualTo(1);
            assertThat(service.admin(HttpMethod.GET, "/admin/v1/accounts/" + regular.accountId(), null, 200)
                    .containsKey("rateLimitPerSecond")).isTrue();
            String secondKey = limited.issueKey(service, "test");

            int refused = 0;
            for (int i = 0; i < 10; i++) {
                // two keys of the limited account: each has its own bucket of the account's size
                HttpResponse<Buffer> answer = list(service, i % 2 == 0 ? limited.apiKey() : secondKey);
                assertThat(answer.getHeader("RateLimit-Limit")).isEqualTo("2");
                if (answer.statusCode() == 429) {
                    refused++;
                    assertThat(answer.getHeader("Content-Type")).startsWith("application/problem+json");
                    assertThat(answer.bodyAsJsonObject().getString("code")).isEqualTo("rate-limited");
                    assertThat(answer.bodyAsJsonObject().getString("requestId")).isNotBlank();
                    assertThat(Long.parseLong(answer.getHeader("Retry-After"))).isPositive();
                    assertThat(answer.getHeader("RateLimit-Remaining")).isEqualTo("0");
                    assertThat(answer.getHeader("RateLimit-Reset")).isNotNull();
                } else {
                    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
                }
                HttpResponse<Buffer> other = list(service, regular.apiKey());
                assertThat(other.statusCode()).as(other.bodyAsString()).isEqualTo(200);
                assertThat(other.getHeader("RateLimit-Limit")).isEqualTo(DEFAULT_BURST);
            }
            assertThat(refused).isPositive();

            // null gives the account the service's default back, from the next request on
            JsonObject cleared = service.admin(HttpMethod.PATCH, "/admin/v1/accounts/" + limited.accountId(),
                    new JsonObject().putNull("rateLimitPerSecond"), 200);
            assertThat(cleared.getValue("rateLimitPerSecond")).isNull();
            assertThat(cleared.getString("name")).isEqualTo("Acme live");
            HttpResponse<Buffer> restored = list(service, limited.apiKey());
            assertThat(restored.statusCode()).isEqualTo(200);
            assertThat(restored.getHeader("RateLimit-Limit")).isEqualTo(DEFAULT_BURST);
        }
    }

    @Test
    void an_account_created_with_a_limit_shows_it_and_invalid_limits_are_refused_by_field() {
        try (RunningService service = RunningService.start()) {
            JsonObject created = service.admin(HttpMethod.POST, "/admin/v1/accounts",
                    new JsonObject().put("name", "Small").put("rateLimitPerSecond", 5), 201);
            assertThat(created.getInteger("rateLimitPerSecond")).isEqualTo(5);
            assertThat(service.admin(HttpMethod.POST, "/admin/v1/accounts", new JsonObject().put("name", "Plain"), 201)
                    .getValue("rateLimitPerSecond")).isNull();

            String path = "/admin/v1/accounts/" + created.getString("id");
            for (Object invalid : new Object[] {0, -1, 1_000_001, "5", 1.5, true}) {
                HttpResponse<Buffer> answer = service.request(HttpMethod.PATCH, path)
                        .putHeader("Authorization", "Bearer " + RunningService.ADMIN_TOKEN)
                        .sendJsonObject(new JsonObject().put("rateLimitPerSecond", invalid)).await();
                assertThat(answer.statusCode()).as(String.valueOf(invalid)).isEqualTo(400);
                assertThat(answer.getHeader("Content-Type")).startsWith("application/problem+json");
                JsonObject problem = answer.bodyAsJsonObject();
                assertThat(problem.getString("code")).isEqualTo("validation-failed");
                assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field"))
                        .isEqualTo("rateLimitPerSecond");
            }
            HttpResponse<Buffer> badCreate = service.request(HttpMethod.POST, "/admin/v1/accounts")
                    .putHeader("Authorization", "Bearer " + RunningService.ADMIN_TOKEN)
                    .sendJsonObject(new JsonObject().put("name", "Zero").put("rateLimitPerSecond", 0)).await();
            assertThat(badCreate.statusCode()).isEqualTo(400);
            assertThat(service.admin(HttpMethod.GET, path, null, 200).getInteger("rateLimitPerSecond")).isEqualTo(5);
            service.admin(HttpMethod.PATCH, "/admin/v1/accounts/00000000-0000-4000-8000-000000000000",
                    new JsonObject().put("rateLimitPerSecond", 3), 404);
            JsonObject nameCleared = service.request(HttpMethod.PATCH, path)
                    .putHeader("Authorization", "Bearer " + RunningService.ADMIN_TOKEN)
                    .sendJsonObject(new JsonObject().putNull("name")).await().bodyAsJsonObject();
            assertThat(nameCleared.getString("code")).isEqualTo("validation-failed");
        }
    }

    private static HttpResponse<Buffer> list(RunningService service, String apiKey) {
        return service.request(HttpMethod.GET, "/api/v1/events/conversion?limit=1")
                .putHeader("Authorization", "Bearer " + apiKey).send().await();
    }
}
