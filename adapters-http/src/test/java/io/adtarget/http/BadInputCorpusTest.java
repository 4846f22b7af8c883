package io.adtarget.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {
    TestApi api;
    Vertx vertx;

    @BeforeAll
    void start(Vertx vertx) {
        this.vertx = vertx;
        api = TestApi.start(vertx);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private CapturedLogs logs;

    @BeforeEach
    void reset() {
        api.reset();
        logs = new CapturedLogs();
    }

    /** No bad input is our failure: none logs an error or a stack trace (a log flood per request). */
    @AfterEach
    void noErrorOrStackTraceWasLogged() {
        try {
            assertThat(logs.errorsOrStackTraces()).isEmpty();
        } finally {
            logs.close();
        }
    }

    List<BadRequest> corpus() {
        return Corpus.all();
    }

    @Test
    void the_corpus_has_at_least_forty_requests() {
        assertThat(Corpus.all()).hasSizeGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void each_bad_request_gets_its_documented_problem_and_invokes_no_use_case(BadRequest bad) {
        HttpRequest<Buffer> request = api.request(bad.method(), bad.uri()).putHeader("Idempotency-Key", "corpus-key");
        bad.headers().forEach(request::putHeader);
        HttpResponse<Buffer> response = bad.body() == null ? request.send().await()
                : request.sendBuffer(Buffer.buffer(bad.body())).await();

        JsonObject problem = Problems.assertProblem(response, bad.status(), bad.code());
        if (bad.field() != null) {
            assertThat(problem.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
                    .contains(bad.field());
        }
        assertThat(api.conversions.invocations()).as("use-case invocations").isZero();
        assertThat(api.store.size()).as("idempotency records").isZero();
    }

    @Test
    void reports_every_violation_of_one_body_at_once() {
        String body = "{\"telegramUserId\": 0, \"channelId\": \"x\", \"eventType\": \"Purchase\", \"value\": -1}";

        HttpResponse<Buffer> response = api.postConversion(body, "many-errors");

        JsonObject problem = Problems.assertProblem(response, 400, "validation-failed");
        assertThat(problem.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
                .containsExactlyInAnyOrder("telegramUserId", "channelId", "currency", "value");
        assertThat(problem.getString("detail")).contains("telegramUserId must be between 1 and 9007199254740991");
        assertThat(api.conversions.invocations()).isZero();
    }

    @Test
    void a_control_character_in_a_header_gets_a_problem_and_invokes_nothing() {
        RawHttp.Reply reply = RawHttp.send(vertx, api.port(), RawHttp.postWithHeader("Idempotency-Key: a\u0001b",
                "Bearer " + TestApi.LIVE_KEY, Corpus.VALID));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.head()).containsIgnoringCase("content-type: application/problem+json");
        assertThat(new JsonObject(reply.body()).getString("type")).startsWith("/problems/");
        assertThat(api.conversions.invocations()).isZero();
        assertThat(api.store.size()).isZero();
    }

    @Test
    void raw_utf8_bytes_in_the_authorization_header_get_401() {
        RawHttp.Reply reply = RawHttp.send(vertx, api.port(), RawHttp.postWithHeader("X-Note: ok",
                "Bearer atk_live_ключключключключключключключключключключ", Corpus.VALID));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(new JsonObject(reply.body()).getString("code")).isEqualTo("unauthorized");
        assertThat(api.conversions.invocations()).isZero();
    }

    @Test
    void accepts_a_lower_case_currency_and_normalises_it() {
        api.conversions.onRecord = c -> io.vertx.core.Future.succeededFuture(
                new io.adtarget.application.port.in.RecordConversionResult.Created(Conversions.pending(c, TestApi.NOW)));

        HttpResponse<Buffer> response = api.postConversion(
                "{\"telegramUserId\": 42, \"channelId\": \"-100\", \"eventType\": \"Lead\", \"value\": 1000000000000, \"currency\": \"eur\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.bodyAsJsonObject().getString("currency")).isEqualTo("EUR");
        assertThat(new String(response.body().getBytes(), StandardCharsets.UTF_8)).contains("\"value\":1000000000000.0");
    }
}
