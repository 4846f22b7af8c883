package io.adtarget.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.in.MetaConnectionTestResult;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /admin/v1/sites/{siteId}/meta-test}: its input checks, its answers, and what it never shows. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetaTestEndpointTest {
    static final String SITE = UUID.randomUUID().toString();
    TestApi api;

    @BeforeAll
    void start(Vertx vertx) {
        api = TestApi.start(vertx);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.reset();
    }

    HttpResponse<Buffer> test(String site, String json) {
        return api.send(HttpMethod.POST, "/admin/v1/sites/" + site + "/meta-test", TestApi.ADMIN_TOKEN, json);
    }

    @Test
    void a_missing_overlong_or_control_character_code_is_a_400_naming_the_field_and_nothing_is_sent() {
        for (String body : new String[] {"{}", "{\"testEventCode\":\"\"}", "{\"testEventCode\":null}",
                "{\"testEventCode\":12}", "{\"testEventCode\":\"" + "A".repeat(101) + "\"}",
                "{\"testEventCode\":\"TEST\\u0000123\"}", "{\"testEventCode\":\"TEST 123\"}"}) {
            JsonObject problem = Problems.assertProblem(test(SITE, body), 400, "validation-failed");
            assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field")).as(body)
                    .isEqualTo("testEventCode");
        }
        assertThat(api.console.metaTests).isEmpty();
    }

    @Test
    void an_unknown_or_malformed_site_is_a_404_and_without_the_admin_token_a_401() {
        Problems.assertProblem(test(SITE, "{\"testEventCode\":\"TEST123\"}"), 404, "not-found");
        Problems.assertProblem(test("not-a-uuid", "{\"testEventCode\":\"TEST123\"}"), 404, "not-found");
        Problems.assertProblem(api.send(HttpMethod.POST, "/admin/v1/sites/" + SITE + "/meta-test", null,
                "{\"testEventCode\":\"TEST123\"}"), 401, "unauthorized");
    }

    @Test
    void a_site_without_pixel_or_token_is_a_409() {
        api.console.onMetaTest = id -> new MetaConnectionTestResult.MetaNotConfigured();
        JsonObject problem = Problems.assertProblem(test(SITE, "{\"testEventCode\":\"TEST123\"}"), 409, "conflict");
        assertThat(problem.getString("detail")).contains("pixel");
    }

    @Test
    void metas_acceptance_is_answered_with_events_received_and_fbtrace_id() {
        api.console.onMetaTest = id -> new MetaConnectionTestResult.Answered(false, "Lead", "ev-1", 200, 1, "AbC",
                null, null);
        HttpResponse<Buffer> response = test(SITE, "{\"testEventCode\":\"TEST123\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getMap()).containsEntry("accepted", true)
                .containsEntry("gateway", "live").containsEntry("testEventCode", "TEST123")
                .containsEntry("eventsReceived", 1).containsEntry("fbtraceId", "AbC").containsEntry("httpStatus", 200)
                .containsEntry("siteId", SITE).doesNotContainKeys("error", "note");
        assertThat(api.console.metaTests).extracting(Object::toString).containsExactly("TEST123");
    }

    @Test
    void metas_refusal_is_answered_with_its_class_code_and_a_bounded_message_without_control_characters() {
        String hostile = "Invalid OAuth access token\u0000\u001b[31m" + "x".repeat(2000);
        api.console.onMetaTest = id -> new MetaConnectionTestResult.Answered(false, "Lead", "ev-1", 400, null, "Tr",
                DeliveryError.of(DeliveryErrorCode.META_AUTH, hostile, 190, "Tr"), 463);
        HttpResponse<Buffer> response = test(SITE, "{\"testEventCode\":\"TEST123\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getBoolean("accepted")).isFalse();
        JsonObject error = body.getJsonObject("error");
        assertThat(error.getMap()).containsEntry("code", "meta-auth").containsEntry("metaCode", 190)
                .containsEntry("metaSubcode", 463);
        assertThat(error.getString("message")).startsWith("Invalid OAuth access token").hasSizeLessThanOrEqualTo(500)
                .doesNotContain("\u0000", "\u001b");
    }

    @Test
    void in_dry_run_the_answer_says_nothing_was_sent() {
        api.console.onMetaTest = id -> new MetaConnectionTestResult.Answered(true, "Lead", "ev-1", null, null,
                "dry-run-00", null, null);
        JsonObject body = test(SITE, "{\"testEventCode\":\"TEST123\"}").bodyAsJsonObject();
        assertThat(body.getString("gateway")).isEqualTo("dry-run");
        assertThat(body.getString("note")).contains("nothing was sent to Meta");
    }
}
