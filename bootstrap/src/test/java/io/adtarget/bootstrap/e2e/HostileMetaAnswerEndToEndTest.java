package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.testing.Database;
import io.adtarget.meta.testing.FakeGraphReply;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Meta's answers cannot fail the write of the outcome: a NUL (which Postgres refuses in text) in the
 * fbtrace_id of an acceptance or inside an error body is stripped, the client gets its answer, and
 * the conversion is sent once instead of being re-sent until its attempts run out.
 */
class HostileMetaAnswerEndToEndTest {
    private static RunningService service;
    private static Tenant tenant;

    @BeforeAll
    static void start() {
        service = RunningService.start();
        tenant = service.provision("live", true, null, "-1001234567890");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void an_acceptance_whose_fbtrace_id_holds_a_nul_is_stored_as_sent_after_one_call() {
        int before = service.meta().requests().size();
        service.meta().enqueue(FakeGraphReply.status(200, "application/json",
                "{\"events_received\":1,\"fbtrace_id\":\"\\u0000x\"}"));

        HttpResponse<Buffer> created = service.postConversion(tenant.apiKey(), "nul-trace", tenant.purchase(501L));

        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        String id = created.bodyAsJsonObject().getString("conversionId");
        assertThat(service.getConversion(tenant.apiKey(), id).getString("status")).isEqualTo("sent");
        assertThat(Database.query(service.databaseUrl(), "SELECT fbtrace_id FROM conversions WHERE id = '" + id + "'"))
                .containsExactly(Map.of("fbtrace_id", "x"));
        assertThat(service.meta().requests()).hasSize(before + 1);
    }

    @Test
    void an_error_body_full_of_nuls_is_stored_as_the_conversions_last_error() {
        JsonObject error = new JsonObject().put("message", "bad\u0000value\n\u202Eevil").put("code", 100)
                .put("is_transient", false).put("fbtrace_id", "tr\u0000ace");
        service.meta().enqueue(FakeGraphReply.json(400, new JsonObject().put("error", error)));

        HttpResponse<Buffer> created = service.postConversion(tenant.apiKey(), "nul-error", tenant.purchase(502L));

        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        JsonObject stored = Eventually.until(Duration.ofSeconds(10),
                () -> service.getConversion(tenant.apiKey(), created.bodyAsJsonObject().getString("conversionId")),
                conversion -> "failed".equals(conversion.getString("status")));
        JsonObject lastError = stored.getJsonObject("lastError");
        assertThat(lastError.getString("code")).isEqualTo("meta-rejected");
        assertThat(lastError.getString("message")).isEqualTo("Meta answered HTTP 400, code 100: bad value evil");
        assertThat(lastError.getString("fbtraceId")).isEqualTo("trace");
    }
}
