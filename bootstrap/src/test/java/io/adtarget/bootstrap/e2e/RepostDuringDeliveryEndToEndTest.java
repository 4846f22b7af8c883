package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.meta.testing.FakeGraphReply;
import io.adtarget.meta.testing.ReceivedGraphRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #15's race, through the whole service and a fake Graph API, exactly as the issue reproduces
 * it: Meta fails once ({@code 500 {"error":{"code":2}}}); the retry worker's attempt is then held by
 * Meta for over a second; while that lease is live the client re-posts the same purchase with another
 * value. The re-post must wait for that delivery's outcome (semantics §3): a revision is never marked
 * sent by a delivery of an older version, and Meta never sees a third send it did not need.
 */
class RepostDuringDeliveryEndToEndTest {
    /** How long Meta holds the retry worker's attempt: the window in which the re-post arrives. */
    static final Duration HELD = Duration.ofMillis(1500);

    /** Long enough that the held attempt neither times out nor loses its lease; a base delay that lets the worker retry once, soon. */
    static RunningService service() {
        return RunningService.start(Map.of("META_TIMEOUT", "PT5S", "DELIVERY_LEASE", "PT10S",
                "RETRY_BASE_DELAY", "PT0.5S", "RETRY_POLL_INTERVAL", "PT0.1S"));
    }

    /** Posts the purchase at 10.00, sees it fail, and returns once the retry worker's attempt is at Meta. */
    static JsonObject failedThenRetrying(RunningService service, Tenant tenant, JsonObject purchase) {
        JsonObject failed = service.postConversion(tenant.apiKey(), null, purchase).bodyAsJsonObject();
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getJsonObject("lastError").getString("code")).isEqualTo("meta-unavailable");
        service.meta().requestsReceived(2).await();
        return failed;
    }

    @Test
    void a_repost_during_the_workers_accepted_delivery_waits_and_is_deduplicated_against_what_meta_received() {
        try (RunningService service = service()) {
            Tenant tenant = service.provision("live", true, null, "-1001");
            service.meta().enqueue(
                    FakeGraphReply.metaError(500, 2, null, true, "An unexpected error has occurred."),
                    FakeGraphReply.accept().after(HELD));
            JsonObject purchase = tenant.purchase(4242L).put("value", 10.00);
            JsonObject failed = failedThenRetrying(service, tenant, purchase);

            long start = System.nanoTime();
            HttpResponse<Buffer> repost = service.postConversion(tenant.apiKey(), null, purchase.copy().put("value", 25.00));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            JsonObject answer = repost.bodyAsJsonObject();
            assertThat(repost.statusCode()).isEqualTo(200);
            assertThat(answer.getString("conversionId")).isEqualTo(failed.getString("conversionId"));
            assertThat(answer.getString("status")).isEqualTo("sent");
            assertThat(answer.getBoolean("deduplicated")).as("matched the delivery Meta accepted").isTrue();
            assertThat(answer.getDouble("value")).as("what is sent is what Meta received").isEqualTo(10.0);
            assertThat(waited).as("the re-post waited for Meta's answer to the worker").isGreaterThan(Duration.ofMillis(300));
            JsonObject stored = service.getConversion(tenant.apiKey(), failed.getString("conversionId"));
            assertThat(stored.getString("status")).isEqualTo("sent");
            assertThat(stored.getDouble("value")).isEqualTo(10.0);
            assertThat(stored.getInteger("attempts")).isEqualTo(2);

            HttpResponse<Buffer> later = service.postConversion(tenant.apiKey(), null, purchase.copy().put("value", 25.00));
            assertThat(later.bodyAsJsonObject().getBoolean("deduplicated")).isTrue();
            assertThat(values(service.meta().requests())).containsExactly(10.0, 10.0);
        }
    }

    @Test
    void a_repost_during_the_workers_failed_delivery_is_revised_and_its_own_value_reaches_meta() {
        try (RunningService service = service()) {
            Tenant tenant = service.provision("live", true, null, "-1001");
            service.meta().enqueue(
                    FakeGraphReply.metaError(500, 2, null, true, "An unexpected error has occurred."),
                    FakeGraphReply.metaError(500, 2, null, true, "An unexpected error has occurred.").after(HELD),
                    FakeGraphReply.accept());
            JsonObject purchase = tenant.purchase(4343L).put("value", 10.00);
            JsonObject failed = failedThenRetrying(service, tenant, purchase);

            HttpResponse<Buffer> repost = service.postConversion(tenant.apiKey(), null, purchase.copy().put("value", 25.00));

            JsonObject answer = repost.bodyAsJsonObject();
            assertThat(repost.statusCode()).isEqualTo(200);
            assertThat(answer.getString("conversionId")).isEqualTo(failed.getString("conversionId"));
            assertThat(answer.getString("status")).isEqualTo("sent");
            assertThat(answer.getBoolean("deduplicated")).isFalse();
            assertThat(answer.getDouble("value")).isEqualTo(25.0);
            assertThat(answer.getInteger("attempts")).isEqualTo(3);
            List<ReceivedGraphRequest> requests = service.meta().requests();
            assertThat(values(requests)).as("the revision's own value is what Meta accepted").containsExactly(10.0, 10.0, 25.0);
            assertThat(requests).extracting(RepostDuringDeliveryEndToEndTest::eventId).containsOnly(failed.getString("eventId"));
        }
    }

    static List<Double> values(List<ReceivedGraphRequest> requests) {
        return requests.stream().map(r -> r.json().getJsonArray("data").getJsonObject(0)
                .getJsonObject("custom_data").getDouble("value")).toList();
    }

    static String eventId(ReceivedGraphRequest request) {
        return request.json().getJsonArray("data").getJsonObject(0).getString("event_id");
    }
}
