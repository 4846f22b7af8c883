package io.adtarget.meta;

import static io.adtarget.meta.testing.FakeGraphReply.metaError;
import static io.adtarget.meta.testing.FakeGraphReply.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryRequest;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.adtarget.meta.testing.FakeGraphApi;
import io.adtarget.meta.testing.FakeGraphReply;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Meta's back-pressure hints become the floor of the next attempt (meta-capi.md, semantics §3). */
@ExtendWith(VertxExtension.class)
class GraphApiRetryFloorTest {
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

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {4, 17, 32, 613})
    void a_throttled_answer_carries_the_estimated_time_to_regain_access(int code) throws Exception {
        meta.enqueue(FakeGraphReply.throttled(400, code, 7));

        DeliveryOutcome.Failed failed = failed();

        assertThat(failed.error().code()).isEqualTo(DeliveryErrorCode.META_RATE_LIMITED);
        assertThat(failed.retryAfter()).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void a_429_carries_its_retry_after_seconds() throws Exception {
        meta.enqueue(status(429, null, "").withHeader("Retry-After", "90"));

        assertThat(failed().retryAfter()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void the_larger_of_retry_after_and_the_regain_estimate_wins() throws Exception {
        meta.enqueue(FakeGraphReply.throttled(429, 4, 2).withHeader("Retry-After", "30"));

        assertThat(failed().retryAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void an_absurd_estimate_is_capped_at_a_day_and_garbage_is_ignored() throws Exception {
        meta.enqueue(metaError(400, 4, null, false, "limit").withHeader("X-Business-Use-Case-Usage",
                "{\"1\":[{\"estimated_time_to_regain_access\":99999999}]}"));
        assertThat(failed().retryAfter()).isEqualTo(RetryFloor.MAX);

        meta.enqueue(metaError(400, 4, null, false, "limit").withHeader("X-Business-Use-Case-Usage", "[not json")
                .withHeader("Retry-After", "soon"));
        assertThat(failed().retryAfter()).isNull();
    }

    @Test
    void a_final_rejection_carries_no_floor() throws Exception {
        meta.enqueue(metaError(400, 100, null, false, "Invalid").withHeader("Retry-After", "60"));

        assertThat(failed().retryAfter()).isNull();
    }

    private DeliveryOutcome.Failed failed() throws Exception {
        DeliveryOutcome outcome = gateway.send(new DeliveryRequest(TestConversions.purchase(),
                TestConversions.CONNECTION, null)).await(5, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
        return (DeliveryOutcome.Failed) outcome;
    }
}
