package io.adtarget.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryRequest;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.adtarget.meta.testing.FakeGraphApi;
import io.adtarget.meta.testing.FakeGraphReply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The overall deadline and the transport-level rows of the classification table. */
@ExtendWith(VertxExtension.class)
class GraphApiDeadlineTest {
    private static final Duration DEADLINE = Duration.ofMillis(400);
    /** Timer and scheduling slack on a busy 2-core CI machine. */
    private static final Duration MARGIN = Duration.ofMillis(500);

    private Vertx vertx;
    private FakeGraphApi meta;
    private GraphApiConversionsGateway gateway;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        meta = FakeGraphApi.create(vertx).start().await(5, TimeUnit.SECONDS);
        gateway = gateway(meta.url(), 1);
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close().await(5, TimeUnit.SECONDS);
        meta.stop().await(5, TimeUnit.SECONDS);
    }

    @Test
    void a_server_that_never_answers_is_a_meta_timeout_within_the_deadline() throws Exception {
        meta.enqueue(FakeGraphReply.hang());

        long started = System.nanoTime();
        DeliveryError error = failure(gateway.send(request()));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(error.code()).isEqualTo(DeliveryErrorCode.META_TIMEOUT);
        assertThat(error.retryable()).isTrue();
        assertThat(error.message()).isEqualTo("no answer from Meta within 400 ms");
        assertThat(elapsed).isBetween(DEADLINE.minusMillis(20), DEADLINE.plus(MARGIN));
    }

    @Test
    void an_answer_that_comes_after_the_deadline_is_a_meta_timeout() throws Exception {
        meta.enqueue(FakeGraphReply.accept().after(Duration.ofSeconds(2)));

        assertThat(failure(gateway.send(request())).code()).isEqualTo(DeliveryErrorCode.META_TIMEOUT);
    }

    @Test
    void an_answer_that_trickles_without_ever_going_idle_still_ends_at_the_deadline() throws Exception {
        meta.enqueue(FakeGraphReply.trickle(Duration.ofMillis(50)));

        long started = System.nanoTime();
        DeliveryError error = failure(gateway.send(request()));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(error.code()).isEqualTo(DeliveryErrorCode.META_TIMEOUT);
        assertThat(elapsed).isLessThan(DEADLINE.plus(MARGIN));
        assertThat(gateway.send(request()).await(5, TimeUnit.SECONDS)).isInstanceOf(DeliveryOutcome.Accepted.class);
    }

    @Test
    void a_timed_out_call_gives_its_pooled_connection_back_for_the_next_call() throws Exception {
        meta.enqueue(FakeGraphReply.hang());
        failure(gateway.send(request()));

        DeliveryOutcome next = gateway.send(request()).await(5, TimeUnit.SECONDS);

        assertThat(next).isInstanceOf(DeliveryOutcome.Accepted.class);
    }

    @Test
    void calls_waiting_for_a_connection_of_a_full_pool_keep_the_same_deadline() throws Exception {
        meta.answerByDefault(FakeGraphReply.hang());

        long started = System.nanoTime();
        List<Future<DeliveryOutcome>> calls = List.of(gateway.send(request()), gateway.send(request()));
        Future.all(calls).await(5, TimeUnit.SECONDS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(calls).allSatisfy(call -> assertThat(failure(call).code()).isEqualTo(DeliveryErrorCode.META_TIMEOUT));
        assertThat(elapsed).isLessThan(DEADLINE.plus(MARGIN));
    }

    @Test
    void a_refused_connection_is_meta_unavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GraphApiConversionsGateway refused = gateway("http://localhost:" + closedPort, 1);
        try {
            DeliveryError error = failure(refused.send(request()));

            assertThat(error.code()).isEqualTo(DeliveryErrorCode.META_UNAVAILABLE);
            assertThat(error.message()).isEqualTo("could not connect to Meta (connection refused)");
        } finally {
            refused.close().await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_connection_dropped_in_the_middle_of_the_response_is_meta_unavailable() throws Exception {
        meta.enqueue(FakeGraphReply.dropMidResponse());

        DeliveryError error = failure(gateway.send(request()));

        assertThat(error.code()).isEqualTo(DeliveryErrorCode.META_UNAVAILABLE);
        assertThat(error.message()).isEqualTo("connection to Meta closed before the response completed");
    }

    @Test
    void a_slow_answer_inside_the_deadline_is_accepted() throws Exception {
        GraphApiConversionsGateway patient = gateway(meta.url(), 1, Duration.ofSeconds(3));
        meta.enqueue(FakeGraphReply.accept().after(Duration.ofMillis(200)));
        try {
            assertThat(patient.send(request()).await(5, TimeUnit.SECONDS))
                    .isInstanceOf(DeliveryOutcome.Accepted.class);
        } finally {
            patient.close().await(5, TimeUnit.SECONDS);
        }
    }

    private GraphApiConversionsGateway gateway(String url, int connections) {
        return gateway(url, connections, DEADLINE);
    }

    private GraphApiConversionsGateway gateway(String url, int connections, Duration deadline) {
        return new GraphApiConversionsGateway(vertx, new MetaGatewaySettings(url, "v24.0", deadline, connections),
                MetaAttemptListener.noOp());
    }

    private static DeliveryError failure(Future<DeliveryOutcome> call) {
        DeliveryOutcome outcome;
        try {
            outcome = call.await(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the gateway did not answer within 5 s", e);
        }
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
        return ((DeliveryOutcome.Failed) outcome).error();
    }

    private static DeliveryRequest request() {
        return new DeliveryRequest(TestConversions.purchase(), TestConversions.CONNECTION, null);
    }
}
