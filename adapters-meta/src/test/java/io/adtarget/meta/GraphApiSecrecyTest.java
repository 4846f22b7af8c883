package io.adtarget.meta;

import static io.adtarget.meta.TestConversions.PIXEL;
import static io.adtarget.meta.TestConversions.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryRequest;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.site.AccessToken;
import io.adtarget.domain.site.MetaConnection;
import io.adtarget.domain.site.MetaPixelId;
import io.adtarget.meta.testing.FakeGraphApi;
import io.adtarget.meta.testing.FakeGraphReply;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The token and the URL that carries it never reach a log line, a message or the listener. */
@ExtendWith(VertxExtension.class)
class GraphApiSecrecyTest {
    /**
     * A deadline no loaded machine reaches: with 500 ms, a first call (new connection, cold JIT, a
     * 5000-character body) on a busy CI host timed out, and the test read a timeout instead of Meta's
     * message. Only the test of a hanging Meta needs a short one.
     */
    private static final Duration PATIENT = Duration.ofSeconds(20);
    private static final int AWAIT_SECONDS = 30;
    private final List<MetaAttempt> attempts = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private FakeGraphApi meta;
    private GraphApiConversionsGateway gateway;
    private LogCapture logs;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        logs = LogCapture.attach();
        meta = FakeGraphApi.create(vertx).start().await(AWAIT_SECONDS, TimeUnit.SECONDS);
        gateway = gateway(meta.url());
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close().await(AWAIT_SECONDS, TimeUnit.SECONDS);
        meta.stop().await(AWAIT_SECONDS, TimeUnit.SECONDS);
        logs.close();
    }

    @Test
    void no_log_line_mentions_the_token_whatever_meta_answers() throws Exception {
        String echo = "Invalid OAuth access token " + TOKEN + " for " + meta.url() + "/v24.0/" + PIXEL
                + "/events?access_token=" + TOKEN;
        meta.enqueue(FakeGraphReply.accept(), FakeGraphReply.metaError(400, 190, 463, false, echo),
                FakeGraphReply.status(502, "text/html", "<html>" + TOKEN + "</html>"), FakeGraphReply.hang(),
                FakeGraphReply.dropMidResponse(), FakeGraphReply.trickle(Duration.ofMillis(50)));
        // this test needs the hang to end: a short deadline; every other test gets a patient one
        GraphApiConversionsGateway impatient = gateway(meta.url(), Duration.ofMillis(500));
        try {
            for (int call = 0; call < 6; call++) {
                impatient.send(request(TestConversions.CONNECTION)).await(AWAIT_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            impatient.close().await(AWAIT_SECONDS, TimeUnit.SECONDS);
        }
        send(gateway(closedPortUrl(), Duration.ofMillis(500)));

        assertThat(logs.lines()).filteredOn(line -> line.contains("meta attempt conversion=")).hasSize(7);
        assertThat(logs.lines()).noneMatch(line -> line.contains(TOKEN) || line.contains("access_token=EAA"));
    }

    @Test
    void an_error_message_never_carries_the_token_even_when_meta_echoes_it() throws Exception {
        String token = "plainSecret-42";
        meta.enqueue(FakeGraphReply.metaError(400, 190, null, false,
                "Bad token plainSecret-42 in https://graph.facebook.com/v24.0/1/events?access_token=plainSecret-42"
                        + " (also EAAB0123456789abcdefABCDEF)"));

        DeliveryOutcome outcome = gateway.send(request(
                new MetaConnection(new MetaPixelId(PIXEL), new AccessToken(token)))).await(AWAIT_SECONDS, TimeUnit.SECONDS);

        DeliveryError error = ((DeliveryOutcome.Failed) outcome).error();
        assertThat(error.message()).doesNotContain(token).doesNotContain("EAAB0123456789")
                .isEqualTo("Meta answered HTTP 400, code 190: Bad token <redacted> in "
                        + "https://graph.facebook.com/v24.0/1/events?access_token=<redacted> (also <redacted>)");
    }

    @Test
    void truncates_a_long_message_from_meta() throws Exception {
        meta.enqueue(FakeGraphReply.metaError(400, 100, null, false, "x".repeat(5000)));

        DeliveryOutcome outcome = gateway.send(request(TestConversions.CONNECTION)).await(AWAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(((DeliveryOutcome.Failed) outcome).error().message()).hasSizeLessThanOrEqualTo(200).endsWith("…");
    }

    @Test
    void reports_each_attempt_once_to_the_listener_with_its_outcome() throws Exception {
        meta.enqueue(FakeGraphReply.accept(), FakeGraphReply.metaError(400, 613, null, false, "slow down"));

        send(gateway);
        send(gateway);

        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).outcome()).isEqualTo("sent");
        assertThat(attempts.get(0).fbtraceId()).isEqualTo("fake-trace-1");
        assertThat(attempts.get(1).outcome()).isEqualTo("meta-rate-limited");
        assertThat(attempts.get(1).metaCode()).isEqualTo(613);
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.conversionId().toString()).isEqualTo(TestConversions.CONVERSION_ID);
            assertThat(attempt.latency()).isPositive();
        });
    }

    @Test
    void a_listener_that_throws_does_not_change_the_outcome() throws Exception {
        GraphApiConversionsGateway careless = new GraphApiConversionsGateway(vertx,
                MetaGatewaySettings.defaults().withGraphUrl(meta.url()), attempt -> {
                    throw new IllegalStateException("metrics are down");
                });
        try {
            assertThat(careless.send(request(TestConversions.CONNECTION)).await(AWAIT_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(DeliveryOutcome.Accepted.class);
        } finally {
            careless.close().await(AWAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void send(GraphApiConversionsGateway target) throws Exception {
        try {
            target.send(request(TestConversions.CONNECTION)).await(AWAIT_SECONDS, TimeUnit.SECONDS);
        } finally {
            if (target != gateway) {
                target.close().await(AWAIT_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    private GraphApiConversionsGateway gateway(String url) {
        return gateway(url, PATIENT);
    }

    private GraphApiConversionsGateway gateway(String url, Duration deadline) {
        return new GraphApiConversionsGateway(vertx, new MetaGatewaySettings(url, "v24.0", deadline, 4), attempts::add);
    }

    private static String closedPortUrl() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://localhost:" + socket.getLocalPort();
        }
    }

    private static DeliveryRequest request(MetaConnection connection) {
        return new DeliveryRequest(TestConversions.purchase(), connection, null);
    }
}
