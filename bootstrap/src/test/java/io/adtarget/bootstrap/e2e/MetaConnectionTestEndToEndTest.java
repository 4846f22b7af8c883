package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.meta.testing.FakeGraphReply;
import io.adtarget.meta.testing.ReceivedGraphRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The operator's Meta connection test through the whole service: one event with Meta's test_event_code reaches
 * the (fake) Graph API with the site's pixel and token, Meta's answer comes back, and nothing is stored.
 */
class MetaConnectionTestEndToEndTest {

    static HttpResponse<Buffer> metaTest(RunningService service, String siteId, JsonObject body) {
        return service.request(HttpMethod.POST, "/admin/v1/sites/" + siteId + "/meta-test")
                .putHeader("Authorization", "Bearer " + RunningService.ADMIN_TOKEN).sendJsonObject(body).await();
    }

    @Test
    void the_test_event_reaches_meta_with_its_test_event_code_and_metas_answer_comes_back_and_nothing_is_stored() {
        try (RunningService service = RunningService.start()) {
            Tenant acme = service.provision("live", true, null, "-1001");
            HttpResponse<Buffer> response = metaTest(service, acme.siteId(),
                    new JsonObject().put("testEventCode", "TEST123"));

            assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.getMap()).containsEntry("accepted", true).containsEntry("gateway", "live")
                    .containsEntry("eventsReceived", 1).containsEntry("httpStatus", 200)
                    .containsEntry("testEventCode", "TEST123");
            assertThat(body.getString("fbtraceId")).startsWith("fake-trace-");
            assertThat(service.meta().requests()).hasSize(1);
            ReceivedGraphRequest sent = service.meta().requests().get(0);
            assertThat(sent.path()).endsWith("/123456789012345/events");
            assertThat(sent.accessToken()).isEqualTo(acme.accessToken());
            assertThat(sent.json().getString("test_event_code")).isEqualTo("TEST123");
            assertThat(sent.json().getJsonArray("data")).hasSize(1);
            assertThat(sent.json().getJsonArray("data").getJsonObject(0).getString("event_id"))
                    .isEqualTo(body.getString("eventId"));
            assertThat(response.bodyAsString()).doesNotContain(acme.accessToken());

            JsonObject list = service.admin(HttpMethod.GET, "/admin/v1/conversions?accountId=" + acme.accountId(),
                    null, 200);
            assertThat(list.getJsonArray("items")).as("no conversion stored").isEmpty();
        }
    }

    @Test
    void metas_refusal_comes_back_with_its_class_code_and_message() {
        try (RunningService service = RunningService.start()) {
            Tenant acme = service.provision("live", true, null, "-1001");
            service.meta().enqueue(FakeGraphReply.metaError(400, 190, 463, false, "Error validating access token"));
            JsonObject body = metaTest(service, acme.siteId(), new JsonObject().put("testEventCode", "TEST123"))
                    .bodyAsJsonObject();
            assertThat(body.getBoolean("accepted")).isFalse();
            assertThat(body.getJsonObject("error").getMap()).containsEntry("code", "meta-auth")
                    .containsEntry("metaCode", 190).containsEntry("metaSubcode", 463);
            assertThat(body.getJsonObject("error").getString("message")).contains("Error validating access token");
            assertThat(body.getString("fbtraceId")).isNotBlank();
        }
    }

    @Test
    void bad_codes_are_400_naming_the_field_an_unknown_site_is_404_and_meta_is_never_called() {
        try (RunningService service = RunningService.start()) {
            Tenant acme = service.provision("live", true, null, "-1001");
            for (JsonObject bad : new JsonObject[] {new JsonObject(), new JsonObject().put("testEventCode", "x".repeat(101)),
                    new JsonObject().put("testEventCode", "TEST\n123")}) {
                HttpResponse<Buffer> response = metaTest(service, acme.siteId(), bad);
                assertThat(response.statusCode()).isEqualTo(400);
                assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
                assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
                        .isEqualTo("testEventCode");
            }
            HttpResponse<Buffer> unknown = metaTest(service, UUID.randomUUID().toString(),
                    new JsonObject().put("testEventCode", "TEST123"));
            assertThat(unknown.statusCode()).isEqualTo(404);
            Tenant bare = service.provision("live", false, null, "-1002");
            assertThat(metaTest(service, bare.siteId(), new JsonObject().put("testEventCode", "TEST123")).statusCode())
                    .as("a site without pixel and token").isEqualTo(409);
            assertThat(service.meta().requests()).isEmpty();
        }
    }

    @Test
    void in_dry_run_the_answer_says_so_and_nothing_reaches_meta() {
        try (RunningService service = RunningService.start(Map.of("META_MODE", "dry-run"))) {
            Tenant acme = service.provision("live", true, null, "-1001");
            JsonObject body = metaTest(service, acme.siteId(), new JsonObject().put("testEventCode", "TEST123"))
                    .bodyAsJsonObject();
            assertThat(body.getString("gateway")).isEqualTo("dry-run");
            assertThat(body.getString("note")).contains("nothing was sent to Meta");
            assertThat(service.meta().requests()).isEmpty();
        }
    }
}
