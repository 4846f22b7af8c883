package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.testing.Database;
import io.adtarget.meta.testing.FakeGraphReply;
import io.adtarget.meta.testing.ReceivedGraphRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Meta back-pressure (#16): one throttled answer pauses that pixel on every instance; its other
 * conversions wait for the pause instead of each being refused on its own, other pixels go on.
 */
class MetaBackPressureEndToEndTest {
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(Map.of());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {4, 17, 32, 613})
    void after_a_throttled_answer_the_pixel_waits_the_estimated_time_and_another_pixel_is_still_sent(int code) {
        Tenant throttled = tenant("1" + code + "0000000", "-100" + code + "1");
        Tenant other = tenant("2" + code + "0000000", "-100" + code + "2");
        service.meta().enqueue(FakeGraphReply.throttled(400, code, 3));
        Instant before = Instant.now();

        JsonObject first = post(throttled, 1);
        JsonObject second = post(throttled, 2);
        JsonObject elsewhere = post(other, 3);

        assertThat(first.getString("status")).isEqualTo("failed");
        assertThat(first.getJsonObject("lastError").getString("code")).isEqualTo("meta-rate-limited");
        assertThat(nextAttemptAt(first)).isAfterOrEqualTo(before.plus(Duration.ofMinutes(3)));
        assertThat(second.getString("status")).isEqualTo("failed");
        assertThat(second.getInteger("attempts")).isZero();
        assertThat(second.getJsonObject("lastError").getString("code")).isEqualTo("meta-rate-limited");
        assertThat(nextAttemptAt(second)).isEqualTo(nextAttemptAt(first));
        assertThat(elsewhere.getString("status")).isEqualTo("sent");
        assertThat(requestsFor(throttled)).isEqualTo(1);
        assertThat(requestsFor(other)).isEqualTo(1);
    }

    @Test
    void the_held_conversions_are_sent_once_each_when_the_pause_ends() {
        Tenant throttled = tenant("300000000001", "-1003001");
        service.meta().enqueue(FakeGraphReply.status(429, null, "").withHeader("Retry-After", "2"));

        JsonObject first = post(throttled, 1);
        JsonObject second = post(throttled, 2);
        assertThat(first.getString("status")).isEqualTo("failed");
        assertThat(second.getString("status")).isEqualTo("failed");
        assertThat(requestsFor(throttled)).isEqualTo(1);
        Instant pauseEnd = nextAttemptAt(first);

        for (JsonObject conversion : new JsonObject[] {first, second}) {
            JsonObject sent = Eventually.until(Duration.ofSeconds(15),
                    () -> service.getConversion(throttled.apiKey(), conversion.getString("conversionId")),
                    found -> "sent".equals(found.getString("status")));
            assertThat(Instant.parse(sent.getString("sentAt"))).isAfterOrEqualTo(pauseEnd);
        }
        // the throttled attempt, then each held conversion once: nobody retried during the pause
        assertThat(requestsFor(throttled)).isEqualTo(3);
    }

    private static Tenant tenant(String pixel, String channel) {
        Tenant tenant = service.provision("live", true, null, channel);
        service.admin(HttpMethod.PATCH, "/admin/v1/sites/" + tenant.siteId(),
                new JsonObject().put("metaPixelId", pixel), 200);
        return tenant;
    }

    private static JsonObject post(Tenant tenant, long user) {
        HttpResponse<Buffer> response = service.postConversion(tenant.apiKey(), null, tenant.purchase(user));
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        return response.bodyAsJsonObject();
    }

    /** Not in the API's conversion: read from the database. */
    private static Instant nextAttemptAt(JsonObject conversion) {
        Object value = Database.query(service.databaseUrl(), "SELECT next_attempt_at FROM conversions WHERE id = '"
                + java.util.UUID.fromString(conversion.getString("conversionId")) + "'").get(0).get("next_attempt_at");
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static long requestsFor(Tenant tenant) {
        String pixel = service.admin(HttpMethod.GET, "/admin/v1/sites/" + tenant.siteId(), null, 200)
                .getString("metaPixelId");
        return service.meta().requests().stream().map(ReceivedGraphRequest::path)
                .filter(path -> path.contains("/" + pixel + "/")).count();
    }
}
