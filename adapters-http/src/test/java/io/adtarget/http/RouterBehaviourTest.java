package io.adtarget.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.ServiceUnavailableException;
import io.adtarget.http.ops.ObservedRequest;
import io.adtarget.http.ops.ReadinessCheck;
import io.adtarget.http.ops.ReadinessReport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every request gets regardless of endpoint: request ids, problems for routing errors, observation, ops. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouterBehaviourTest {
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

    @Test
    void an_unknown_path_gets_a_404_problem() {
        HttpResponse<Buffer> response = api.get("/api/v2/nothing", TestApi.LIVE_KEY);

        Problems.assertProblem(response, 404, "not-found");
        ObservedRequest observed = api.nextObserved();
        assertThat(observed.route()).isEqualTo(ObservedRequest.UNMATCHED);
        assertThat(observed.status()).isEqualTo(404);
    }

    @Test
    void a_wrong_method_gets_405_with_the_allowed_methods() {
        HttpResponse<Buffer> conversions = api.send(HttpMethod.PUT, "/api/v1/events/conversion", TestApi.LIVE_KEY, "{}");
        HttpResponse<Buffer> site = api.send(HttpMethod.DELETE, "/admin/v1/sites/abc", TestApi.ADMIN_TOKEN, null);

        Problems.assertProblem(conversions, 405, "method-not-allowed");
        assertThat(conversions.getHeader("Allow")).isEqualTo("GET, HEAD, POST");
        Problems.assertProblem(site, 405, "method-not-allowed");
        assertThat(site.getHeader("Allow")).isEqualTo("GET, HEAD, PATCH");
    }

    @Test
    void a_body_over_64_kib_on_the_admin_api_gets_413() {
        String big = "{\"name\": \"" + "n".repeat(ApiRouter.BODY_LIMIT_BYTES) + "\"}";

        Problems.assertProblem(api.send(HttpMethod.POST, "/admin/v1/accounts", TestApi.ADMIN_TOKEN, big), 413,
                "payload-too-large");
        assertThat(api.nextObserved().route()).isEqualTo("/admin/v1/accounts");
    }

    @Test
    void echoes_a_valid_client_request_id_and_replaces_an_invalid_one() {
        HttpResponse<Buffer> echoed = api.request(HttpMethod.GET, "/health/live")
                .putHeader("X-Request-Id", "client-id-1").send().await();
        HttpResponse<Buffer> tooLong = api.request(HttpMethod.GET, "/health/live")
                .putHeader("X-Request-Id", "x".repeat(65)).send().await();
        HttpResponse<Buffer> withSpace = api.request(HttpMethod.GET, "/health/live")
                .putHeader("X-Request-Id", "a b").send().await();

        assertThat(echoed.getHeader("X-Request-Id")).isEqualTo("client-id-1");
        assertThat(tooLong.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(withSpace.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void tells_the_observer_the_route_template_status_request_id_and_api_key_id_but_never_the_key() {
        HttpResponse<Buffer> response = api.request(HttpMethod.GET,
                "/api/v1/events/conversion/0193a5d2-7c1e-7b3a-9f0e-2d4c1b8a6e51")
                .putHeader("Authorization", "Bearer " + TestApi.LIVE_KEY).putHeader("X-Request-Id", "obs-1").send().await();

        ObservedRequest observed = api.nextObserved();
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(observed.method()).isEqualTo("GET");
        assertThat(observed.route()).isEqualTo("/api/v1/events/conversion/:conversionId");
        assertThat(observed.status()).isEqualTo(404);
        assertThat(observed.requestId()).isEqualTo("obs-1");
        assertThat(observed.apiKeyId()).isEqualTo(TestApi.LIVE.apiKeyId().toString());
        assertThat(observed.latencyNanos()).isPositive();
        assertThat(observed.toString()).doesNotContain(TestApi.LIVE_KEY);
    }

    @Test
    void liveness_answers_up() {
        HttpResponse<Buffer> response = api.get("/health/live", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "UP"));
    }

    @Test
    void readiness_lists_each_check_and_answers_503_when_one_is_down() {
        api.readiness = Future.succeededFuture(new ReadinessReport(List.of(ReadinessCheck.up("postgres"),
                ReadinessCheck.down("redis", "no answer within 1 s"))));

        HttpResponse<Buffer> response = api.get("/health/ready", null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "DOWN").put("checks", List.of(
                new JsonObject().put("name", "postgres").put("status", "UP"),
                new JsonObject().put("name", "redis").put("status", "DOWN").put("detail", "no answer within 1 s"))));
    }

    @Test
    void readiness_answers_200_when_every_check_is_up() {
        api.readiness = Future.succeededFuture(new ReadinessReport(List.of(ReadinessCheck.up("postgres"))));

        HttpResponse<Buffer> response = api.get("/health/ready", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    }

    @Test
    void readiness_that_cannot_be_determined_is_a_503_problem() {
        api.readiness = Future.failedFuture(new ServiceUnavailableException("postgres"));

        Problems.assertProblem(api.get("/health/ready", null), 503, "service-unavailable");
    }

    @Test
    void serves_metrics_through_the_runtimes_handler() {
        HttpResponse<Buffer> response = api.get("/metrics", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("up 1\n");
        assertThat(response.getHeader("X-Request-Id")).isNotBlank();
    }

    @Test
    void an_authentication_store_outage_is_a_503_not_a_401() {
        api.conversions.authenticationFailure = new ServiceUnavailableException("postgres");

        HttpResponse<Buffer> response = api.get("/api/v1/events/conversion", TestApi.LIVE_KEY);

        Problems.assertProblem(response, 503, "service-unavailable");
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void an_unknown_expect_header_gets_a_400_problem_not_a_500(Vertx vertx) {
        RawHttp.Reply reply = RawHttp.send(vertx, api.port(), RawHttp.postWithHeader("Expect: something-else",
                "Bearer " + TestApi.ADMIN_TOKEN, "{\"name\":\"x\"}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.head()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(new JsonObject(reply.body()).getString("code")).isEqualTo("validation-failed");
    }

    @Test
    void a_host_header_vertx_cannot_read_gets_a_400_problem_with_a_request_id(Vertx vertx) {
        byte[] request = ("GET /health/live HTTP/1.1\r\nHost: localhost\r\n folded: continuation\r\n"
                + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        RawHttp.Reply reply = RawHttp.send(vertx, api.port(), request);

        assertThat(reply.status()).isEqualTo(400);
        JsonObject problem = new JsonObject(reply.body());
        assertThat(problem.getString("code")).isEqualTo("validation-failed");
        assertThat(problem.getString("requestId")).isNotBlank();
        assertThat(reply.head()).contains("X-Request-Id: " + problem.getString("requestId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void a_form_body_under_an_undecodable_query_string_gets_415_instead_of_no_answer(String contentType,
            Vertx vertx) {
        String body = "name=x";
        byte[] request = ("POST /admin/v1/accounts?%%%=%%&&== HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + TestApi.ADMIN_TOKEN + "\r\nContent-Type: " + contentType + "\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        RawHttp.Reply reply = RawHttp.send(vertx, api.port(), request);

        assertThat(reply.status()).isEqualTo(415);
        assertThat(new JsonObject(reply.body()).getString("code")).isEqualTo("unsupported-media-type");
    }
}
