package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.meta.testing.FakeGraphReply;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole service: each call to Meta leaves an attempt the customer and the operator can read,
 * and an operator's Retry now sends a conversion Meta refused once more, once.
 */
class DeliveryAttemptsEndToEndTest {

    static JsonArray attemptsOnceThere(RunningService service, String apiKey, String id, int count) {
        return Eventually.until(Duration.ofSeconds(10), () -> attempts(service, apiKey, id),
                items -> items != null && items.size() >= count);
    }

    static JsonArray attempts(RunningService service, String apiKey, String id) {
        HttpResponse<Buffer> response = service.request(HttpMethod.GET, "/api/v1/events/conversion/" + id + "/attempts")
                .putHeader("Authorization", "Bearer " + apiKey).send().await();
        return response.statusCode() == 200 ? response.bodyAsJsonObject().getJsonArray("items") : null;
    }

    @Test
    void a_refused_call_then_retry_now_show_as_two_attempts_and_another_account_sees_none() {
        try (RunningService service = RunningService.start()) {
            Tenant acme = service.provision("live", true, null, "-1001");
            Tenant other = service.provision("live", true, null, "-1002");
            service.meta().enqueue(FakeGraphReply.metaError(400, 100, 2804003, false, "Invalid parameter"));
            String id = service.postConversion(acme.apiKey(), null, acme.purchase(11L)).bodyAsJsonObject()
                    .getString("conversionId");
            assertThat(service.getConversion(acme.apiKey(), id).getString("status")).isEqualTo("failed");

            JsonObject retried = service.admin(HttpMethod.POST, "/admin/v1/conversions/" + id + "/retry", null, 200);
            assertThat(retried.getString("status")).isEqualTo("sent");
            JsonObject again = service.request(HttpMethod.POST, "/admin/v1/conversions/" + id + "/retry")
                    .putHeader("Authorization", "Bearer " + RunningService.ADMIN_TOKEN).send().await().bodyAsJsonObject();
            assertThat(again.getString("code")).isEqualTo("conflict");
            assertThat(service.meta().requests()).hasSize(2);

            JsonArray items = attemptsOnceThere(service, acme.apiKey(), id, 2);
            assertThat(items).hasSize(2);
            JsonObject refused = items.getJsonObject(0);
            assertThat(refused.getMap()).containsEntry("attempt", 1).containsEntry("outcome", "meta-rejected")
                    .containsEntry("httpStatus", 400).containsEntry("metaCode", 100)
                    .containsEntry("metaSubcode", 2804003).containsEntry("fbtraceId", "fake-error-trace-100");
            assertThat(refused.getInteger("latencyMs")).isNotNegative();
            assertThat(items.getJsonObject(1).getMap()).containsEntry("attempt", 2).containsEntry("outcome", "sent")
                    .containsEntry("httpStatus", 200);

            assertThat(attempts(service, other.apiKey(), id)).as("another account's conversion").isNull();
            assertThat(service.admin(HttpMethod.GET, "/admin/v1/conversions/" + id + "/attempts", null, 200)
                    .getJsonArray("items")).hasSize(2);
        }
    }

    @Test
    void a_dry_run_delivery_records_its_attempt_too() {
        try (RunningService service = RunningService.start(Map.of("META_MODE", "dry-run"))) {
            Tenant acme = service.provision("live", true, null, "-1001");
            String id = service.postConversion(acme.apiKey(), null, acme.purchase(12L)).bodyAsJsonObject()
                    .getString("conversionId");

            JsonObject attempt = attemptsOnceThere(service, acme.apiKey(), id, 1).getJsonObject(0);

            assertThat(attempt.getString("outcome")).isEqualTo("sent");
            assertThat(attempt.getValue("httpStatus")).isNull();
            assertThat(attempt.getString("fbtraceId")).startsWith("dry-run-");
            assertThat(service.meta().requests()).isEmpty();
        }
    }
}
