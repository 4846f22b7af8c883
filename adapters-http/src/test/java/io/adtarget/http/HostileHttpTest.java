package io.adtarget.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests below the router's level (the request line, framing, methods) get a problem+json answer
 * with a request id like any other, and none of them logs an error or a stack trace.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileHttpTest {
    private TestApi api;
    private Vertx vertx;
    private CapturedLogs logs;

    @BeforeAll
    void start(Vertx vertx) {
        this.vertx = vertx;
        api = TestApi.start(vertx);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @BeforeEach
    void capture() {
        api.reset();
        logs = new CapturedLogs();
    }

    @AfterEach
    void noStackTraces() {
        try {
            assertThat(logs.errorsOrStackTraces()).isEmpty();
        } finally {
            logs.close();
        }
    }

    @Test
    void head_answers_like_get_without_a_body() {
        HttpResponse<Buffer> get = api.request(HttpMethod.GET, "/health/live").send().await();
        HttpResponse<Buffer> head = api.request(HttpMethod.HEAD, "/health/live").send().await();

        assertThat(head.statusCode()).isEqualTo(get.statusCode()).isEqualTo(200);
        assertThat(head.getHeader("Content-Type")).isEqualTo(get.getHeader("Content-Type"));
        assertThat(head.body() == null || head.body().length() == 0).isTrue();
    }

    @Test
    void head_on_a_conversion_answers_as_get_does_without_a_body() {
        HttpResponse<Buffer> head = api.request(HttpMethod.HEAD, "/api/v1/events/conversion?limit=1")
                .putHeader("Authorization", "Bearer " + TestApi.LIVE_KEY).send().await();
        HttpResponse<Buffer> get = api.get("/api/v1/events/conversion?limit=1", TestApi.LIVE_KEY);

        assertThat(head.statusCode()).isEqualTo(get.statusCode());
        assertThat(head.body() == null || head.body().length() == 0).isTrue();
    }

    @Test
    void a_malformed_chunk_size_gets_a_problem_400_before_the_connection_closes() {
        String request = "POST /api/v1/events/conversion HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + TestApi.LIVE_KEY + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nZZZZ\r\n{\"a\":1}\r\n0\r\n\r\n";

        RawHttp.Reply reply = RawSocket.exchange(api.port(), request.getBytes(StandardCharsets.US_ASCII));

        assertProblem(reply, 400);
        assertThat(new JsonObject(reply.body()).getString("code")).isEqualTo("malformed-request");
        assertThat(reply.head()).containsIgnoringCase("connection: close");
        assertThat(api.conversions.invocations()).isZero();
        // metrics and the access log count what the client got, not the 200 a response starts with
        assertThat(api.nextObserved().status()).isEqualTo(400);
    }

    @Test
    void an_http_2_0_request_line_over_plain_tcp_gets_a_problem_505() {
        String request = "GET /health/live HTTP/2.0\r\nHost: localhost\r\nConnection: close\r\n\r\n";

        RawHttp.Reply reply = RawSocket.exchange(api.port(), request.getBytes(StandardCharsets.US_ASCII));

        assertProblem(reply, 505);
        assertThat(new JsonObject(reply.body()).getString("code")).isEqualTo("http-version-not-supported");
        // the status line names a version this server speaks, not the one it refuses
        assertThat(reply.head()).startsWith("HTTP/1.");
    }

    @Test
    void an_unknown_http_version_on_a_write_gets_505_and_nothing_runs() {
        String request = "POST /api/v1/events/conversion HTTP/9.9\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestApi.LIVE_KEY + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

        RawHttp.Reply reply = RawSocket.exchange(api.port(), request.getBytes(StandardCharsets.US_ASCII));

        assertProblem(reply, 505);
        assertThat(api.conversions.invocations()).isZero();
    }

    @Test
    void a_keep_alive_connection_still_serves_http_1_1_requests_one_after_another() {
        String one = "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String last = "GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

        RawHttp.Reply reply = RawSocket.exchange(api.port(), (one + one + last).getBytes(StandardCharsets.US_ASCII));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().split("HTTP/1.1 200 OK", -1)).hasSize(3);
    }

    @Test
    void a_control_character_in_the_idempotency_key_gets_a_problem_invalid_idempotency_key() {
        byte[] request = RawHttp.postWithHeader("Idempotency-Key: a\u0001b", "Bearer " + TestApi.LIVE_KEY, "{}");

        RawHttp.Reply reply = RawSocket.exchange(api.port(), request);

        assertProblem(reply, 400);
        assertThat(new JsonObject(reply.body()).getString("code")).isEqualTo("invalid-idempotency-key");
        assertThat(api.conversions.invocations()).isZero();
    }

    @Test
    void a_nul_in_the_idempotency_key_of_a_lower_case_header_gets_invalid_idempotency_key_too() {
        byte[] request = RawHttp.postWithHeader("idempotency-key: \u0000", "Bearer " + TestApi.LIVE_KEY, "{}");

        RawHttp.Reply reply = RawSocket.exchange(api.port(), request);

        assertProblem(reply, 400);
        assertThat(new JsonObject(reply.body()).getString("code")).isEqualTo("invalid-idempotency-key");
    }

    @Test
    void a_control_character_in_another_header_is_a_malformed_request_that_names_the_header() {
        byte[] request = RawHttp.postWithHeader("X-Shop: a\u001bb", "Bearer " + TestApi.LIVE_KEY, "{}");

        RawHttp.Reply reply = RawSocket.exchange(api.port(), request);

        assertProblem(reply, 400);
        JsonObject problem = new JsonObject(reply.body());
        assertThat(problem.getString("code")).isEqualTo("malformed-request");
        assertThat(problem.getString("detail")).contains("X-Shop");
        assertThat(api.conversions.invocations()).isZero();
    }

    @Test
    void an_8_kb_url_gets_a_problem_414_titled_for_the_uri() {
        String request = "GET /api/v1/events/conversion?cursor=" + "a".repeat(8192) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n";

        RawHttp.Reply reply = RawHttp.send(vertx, api.port(), request.getBytes(StandardCharsets.US_ASCII));

        assertProblem(reply, 414);
        assertThat(new JsonObject(reply.body()).getString("title")).isEqualTo("URI too long");
    }

    @Test
    void a_header_of_16_kb_gets_a_problem_431() {
        String request = "GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(16 * 1024)
                + "\r\nConnection: close\r\n\r\n";

        RawHttp.Reply reply = RawHttp.send(vertx, api.port(), request.getBytes(StandardCharsets.US_ASCII));

        assertProblem(reply, 431);
    }

    @Test
    void a_garbage_request_line_gets_a_problem_400_that_is_not_about_the_body() {
        RawHttp.Reply reply = RawHttp.send(vertx, api.port(), "\u0001\u0002 nonsense\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

        assertProblem(reply, 400);
        assertThat(new JsonObject(reply.body()).getString("title")).isNotEqualTo("Request body is invalid");
    }

    private static void assertProblem(RawHttp.Reply reply, int status) {
        assertThat(reply.status()).as(reply.head() + "\n\n" + reply.body()).isEqualTo(status);
        assertThat(reply.head()).containsIgnoringCase("content-type: application/problem+json")
                .containsIgnoringCase("x-request-id: ");
        JsonObject problem = new JsonObject(reply.body());
        assertThat(problem.getInteger("status")).isEqualTo(status);
        assertThat(problem.getString("requestId")).isNotBlank();
    }
}
