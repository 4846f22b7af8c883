package io.adtarget.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryRequest;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.adtarget.meta.testing.FakeGraphApi;
import io.adtarget.meta.testing.FakeGraphReply;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Meta's answers are untrusted input: whatever text it sends comes out of the gateway bounded and free
 * of control characters, so it can neither fail the outcome's write (Postgres refuses NUL in text) nor
 * forge a log line; and a body too large to be Meta's answer is not read to its end.
 */
@ExtendWith(VertxExtension.class)
class GraphApiHostileAnswerTest {
    private static final String FORGED_LINE = "x\n2026-01-01T00:00:00.000Z ERROR [main] forged - token leaked";
    private FakeGraphApi meta;
    private GraphApiConversionsGateway gateway;
    private LogCapture logs;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        logs = LogCapture.attach();
        meta = FakeGraphApi.create(vertx).start().await(5, TimeUnit.SECONDS);
        gateway = new GraphApiConversionsGateway(vertx, MetaGatewaySettings.defaults().withGraphUrl(meta.url())
                .withTimeout(Duration.ofSeconds(5)), MetaAttemptListener.noOp());
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close().await(5, TimeUnit.SECONDS);
        meta.stop().await(5, TimeUnit.SECONDS);
        logs.close();
    }

    @Test
    void a_nul_in_the_fbtrace_id_of_an_acceptance_is_stripped() throws Exception {
        meta.enqueue(FakeGraphReply.status(200, "application/json", "{\"events_received\":1,\"fbtrace_id\":\"\\u0000x\"}"));

        assertThat(send()).isEqualTo(new DeliveryOutcome.Accepted("x", 200, 1));
    }

    @Test
    void a_huge_fbtrace_id_is_bounded() throws Exception {
        meta.enqueue(FakeGraphReply.json(200, new JsonObject().put("events_received", 1)
                .put("fbtrace_id", "A".repeat(2000))));

        DeliveryOutcome.Accepted accepted = (DeliveryOutcome.Accepted) send();

        assertThat(accepted.fbtraceId()).hasSizeLessThanOrEqualTo(SafeText.MAX_TRACE_LENGTH).startsWith("AAAA");
    }

    @Test
    void control_characters_and_bidi_overrides_in_an_error_body_never_reach_the_error() throws Exception {
        JsonObject error = new JsonObject().put("message", "bad\u0000 value\r\n\u202Egnp.exe").put("code", 100)
                .put("is_transient", false).put("fbtrace_id", "\u0000tr\u202Eace\n\u2066");
        meta.enqueue(FakeGraphReply.json(400, new JsonObject().put("error", error)));

        DeliveryError failure = ((DeliveryOutcome.Failed) send()).error();

        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.META_REJECTED);
        assertThat(failure.fbtraceId()).isEqualTo("trace");
        assertThat(failure.message()).isEqualTo("Meta answered HTTP 400, code 100: bad value gnp.exe");
    }

    @Test
    void a_forged_log_line_in_metas_answer_stays_inside_one_line() throws Exception {
        meta.enqueue(FakeGraphReply.json(200, new JsonObject().put("events_received", 1).put("fbtrace_id", FORGED_LINE)),
                FakeGraphReply.metaError(400, 100, null, false, FORGED_LINE));

        send();
        send();

        assertThat(logs.lines()).filteredOn(line -> line.contains("meta attempt")).hasSize(2)
                .allSatisfy(line -> assertThat(line).doesNotContain("\n").doesNotContain("\r"));
    }

    @Test
    void a_lone_surrogate_in_metas_text_is_dropped() throws Exception {
        meta.enqueue(FakeGraphReply.status(200, "application/json", "{\"events_received\":1,\"fbtrace_id\":\"a\\ud800b\"}"));

        assertThat(send()).isEqualTo(new DeliveryOutcome.Accepted("ab", 200, 1));
    }

    @Test
    void a_body_larger_than_the_cap_is_meta_unavailable_without_reading_it_all() throws Exception {
        String huge = "{\"events_received\":1,\"padding\":\"" + "p".repeat(2 * MetaResponses.MAX_BODY_BYTES) + "\"}";
        meta.enqueue(FakeGraphReply.status(200, "application/json", huge));

        DeliveryError failure = ((DeliveryOutcome.Failed) send()).error();

        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.META_UNAVAILABLE);
        assertThat(failure.message()).contains("larger than " + MetaResponses.MAX_BODY_BYTES + " bytes");
    }

    @Test
    void a_body_just_under_the_cap_is_read() throws Exception {
        String padding = "p".repeat(MetaResponses.MAX_BODY_BYTES - 100);
        meta.enqueue(FakeGraphReply.status(200, "application/json",
                "{\"events_received\":1,\"fbtrace_id\":\"ok\",\"padding\":\"" + padding + "\"}"));

        assertThat(send()).isEqualTo(new DeliveryOutcome.Accepted("ok", 200, 1));
    }

    private DeliveryOutcome send() throws Exception {
        return gateway.send(new DeliveryRequest(TestConversions.purchase(), TestConversions.CONNECTION, null))
                .await(5, TimeUnit.SECONDS);
    }
}
