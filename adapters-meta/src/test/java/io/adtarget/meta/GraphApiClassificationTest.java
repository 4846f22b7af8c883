package io.adtarget.meta;

import static io.adtarget.domain.conversion.DeliveryErrorCode.META_AUTH;
import static io.adtarget.domain.conversion.DeliveryErrorCode.META_RATE_LIMITED;
import static io.adtarget.domain.conversion.DeliveryErrorCode.META_REJECTED;
import static io.adtarget.domain.conversion.DeliveryErrorCode.META_UNAVAILABLE;
import static io.adtarget.meta.testing.FakeGraphReply.metaError;
import static io.adtarget.meta.testing.FakeGraphReply.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryRequest;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.adtarget.meta.testing.FakeGraphApi;
import io.adtarget.meta.testing.FakeGraphReply;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every HTTP-level row of meta-capi.md's classification table, answered by the fake Graph API. */
@ExtendWith(VertxExtension.class)
class GraphApiClassificationTest {
    private static final String HTML = "text/html";
    private FakeGraphApi meta;
    private GraphApiConversionsGateway gateway;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        meta = FakeGraphApi.create(vertx).start().await(5, TimeUnit.SECONDS);
        gateway = new GraphApiConversionsGateway(vertx, MetaGatewaySettings.defaults().withGraphUrl(meta.url())
                .withTimeout(Duration.ofSeconds(5)), MetaAttemptListener.noOp());
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close().await(5, TimeUnit.SECONDS);
        meta.stop().await(5, TimeUnit.SECONDS);
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                arguments("HTML 502 from a proxy", status(502, HTML, "<html>Bad Gateway</html>"), META_UNAVAILABLE, null),
                arguments("500 with Meta's JSON", metaError(500, 190, null, false, "boom"), META_UNAVAILABLE, 190),
                arguments("503 with an empty body", status(503, null, ""), META_UNAVAILABLE, null),
                arguments("code 1 (unknown error)", metaError(400, 1, null, false, "An unknown error"), META_UNAVAILABLE, 1),
                arguments("code 2 (service error)", metaError(400, 2, null, false, "Service unavailable"), META_UNAVAILABLE, 2),
                arguments("is_transient true", metaError(400, 100, 99, true, "Try again"), META_UNAVAILABLE, 100),
                arguments("a 400 that is not Meta's JSON", status(400, HTML, "<h1>Bad Request</h1>"), META_UNAVAILABLE, null),
                arguments("a JSON array instead of an object", status(400, "application/json", "[1]"), META_UNAVAILABLE, null),
                arguments("HTTP 429 without a body", status(429, null, ""), META_RATE_LIMITED, null),
                arguments("HTTP 429 with code 190", metaError(429, 190, null, false, "slow"), META_RATE_LIMITED, 190),
                arguments("code 4", metaError(400, 4, null, false, "Application request limit"), META_RATE_LIMITED, 4),
                arguments("code 17", metaError(400, 17, null, false, "User request limit"), META_RATE_LIMITED, 17),
                arguments("code 32", metaError(400, 32, null, false, "Page request limit"), META_RATE_LIMITED, 32),
                arguments("code 341", metaError(400, 341, null, false, "Application limit"), META_RATE_LIMITED, 341),
                arguments("code 368", metaError(400, 368, null, false, "Temporarily blocked"), META_RATE_LIMITED, 368),
                arguments("code 613", metaError(400, 613, null, false, "Calls exceeded"), META_RATE_LIMITED, 613),
                arguments("code 80000", metaError(400, 80000, null, false, "Too many calls"), META_RATE_LIMITED, 80000),
                arguments("code 80014", metaError(400, 80014, null, false, "Too many calls"), META_RATE_LIMITED, 80014),
                arguments("code 190 (token)", metaError(400, 190, 463, false, "Session has expired"), META_AUTH, 190),
                arguments("code 10 (permission)", metaError(403, 10, null, false, "Permission denied"), META_AUTH, 10),
                arguments("code 200", metaError(403, 200, null, false, "Permissions error"), META_AUTH, 200),
                arguments("code 299", metaError(403, 299, null, false, "Permission"), META_AUTH, 299),
                arguments("code 100 (invalid parameter)", metaError(400, 100, 2804003, false, "Invalid"), META_REJECTED, 100),
                arguments("code 300, outside the permission range", metaError(400, 300, null, false, "x"), META_REJECTED, 300),
                arguments("code 80015, outside the rate-limit range", metaError(400, 80015, null, false, "x"), META_REJECTED, 80015),
                arguments("a 404 with Meta's JSON", metaError(404, 803, null, false, "Unknown object"), META_REJECTED, 803));
    }

    @ParameterizedTest(name = "{0} is {2}")
    @MethodSource("answers")
    void classifies_each_answer_of_meta_by_the_table(String answer, FakeGraphReply reply, DeliveryErrorCode code,
            Integer metaCode) throws Exception {
        meta.enqueue(reply);

        DeliveryError error = failure();

        assertThat(error.code()).isEqualTo(code);
        assertThat(error.retryable()).isEqualTo(code.retryable());
        assertThat(error.metaCode()).isEqualTo(metaCode);
        assertThat(error.fbtraceId()).isEqualTo(metaCode == null ? null : "fake-error-trace-" + metaCode);
        assertThat(error.message()).startsWith("Meta answered HTTP " + reply.status());
    }

    @Test
    void keeps_metas_message_and_subcode_in_the_error_message() throws Exception {
        meta.enqueue(metaError(400, 100, 2804003, false, "Invalid parameter: event_time too old"));

        assertThat(failure().message())
                .isEqualTo("Meta answered HTTP 400, code 100, subcode 2804003: Invalid parameter: event_time too old");
    }

    @Test
    void treats_a_200_without_events_received_as_meta_unavailable() throws Exception {
        meta.enqueue(status(200, "application/json", "{\"messages\":[],\"fbtrace_id\":\"AbC\"}"));

        DeliveryError error = failure();

        assertThat(error.code()).isEqualTo(META_UNAVAILABLE);
        assertThat(error.message()).contains("without events_received");
        assertThat(error.fbtraceId()).isEqualTo("AbC");
    }

    @Test
    void treats_a_200_with_zero_events_received_as_meta_unavailable() throws Exception {
        meta.enqueue(status(200, "application/json", "{\"events_received\":0,\"fbtrace_id\":\"AbC\"}"));

        assertThat(failure().code()).isEqualTo(META_UNAVAILABLE);
    }

    @Test
    void treats_a_200_with_an_html_body_as_meta_unavailable() throws Exception {
        meta.enqueue(status(200, HTML, "<html>captive portal</html>"));

        DeliveryError error = failure();

        assertThat(error.code()).isEqualTo(META_UNAVAILABLE);
        assertThat(error.message()).contains("not Meta's JSON");
    }

    @Test
    void answers_accepted_with_metas_fbtrace_id() throws Exception {
        meta.enqueue(status(200, "application/json",
                "{\"events_received\":1,\"messages\":[],\"fbtrace_id\":\"AbCdEf123\"}"));

        DeliveryOutcome outcome = gateway.send(request()).await(5, TimeUnit.SECONDS);

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Accepted("AbCdEf123", 200, 1));
    }

    private DeliveryError failure() throws Exception {
        DeliveryOutcome outcome = gateway.send(request()).await(5, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
        return ((DeliveryOutcome.Failed) outcome).error();
    }

    private static DeliveryRequest request() {
        return new DeliveryRequest(TestConversions.purchase(), TestConversions.CONNECTION, null);
    }
}
