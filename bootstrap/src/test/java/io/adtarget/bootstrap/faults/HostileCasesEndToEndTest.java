package io.adtarget.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.e2e.RunningService;
import io.adtarget.bootstrap.e2e.Tenant;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The HTTP rows of docs/reliability.md §8, each sent byte for byte over a plain socket to the running
 * service: the exact answer the table promises, problem+json with a request id, no error logged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCasesEndToEndTest {
    private static final String CONVERSIONS = "/api/v1/events/conversion";
    private RunningService service;
    private Tenant tenant;
    private CapturedLogs logs;

    @BeforeAll
    void start() {
        service = RunningService.start();
        tenant = service.provision("live", true, null, "-1001234567890");
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @BeforeEach
    void capture() {
        logs = CapturedLogs.capture();
    }

    @AfterEach
    void nothingLoggedAsAnError() {
        try {
            // the capture turns our and Vert.x's loggers up to DEBUG; what an operator sees is WARN and up
            List<String> seen = logs.lines().stream()
                    .filter(line -> line.startsWith("WARN") || line.startsWith("ERROR")).toList();
            assertThat(seen).noneMatch(line -> line.startsWith("ERROR") || line.contains("\tat "));
            assertThat(seen).hasSizeLessThanOrEqualTo(1);
        } finally {
            logs.close();
        }
    }

    @Test
    void a_control_character_in_the_idempotency_key_is_invalid_idempotency_key() {
        RawHttp.Response answer = send(conversion().header("Idempotency-Key", "key\u0001one"));
        assertProblem(answer, 400, "invalid-idempotency-key");
    }

    @Test
    void a_quoted_blank_idempotency_key_is_invalid_and_a_quoted_padded_one_is_the_trimmed_key() {
        assertProblem(send(conversion().header("Idempotency-Key", "\"   \"")), 400, "invalid-idempotency-key");
        RawHttp.Response first = send(conversion().header("Idempotency-Key", "\"  padded-key  \""));
        RawHttp.Response second = send(conversion().header("Idempotency-Key", "padded-key"));
        assertThat(first.status()).as(first.bodyText()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("X-Idempotent-Replay")).isEqualTo("true");
        assertThat(second.bodyText()).isEqualTo(first.bodyText());
    }

    @Test
    void a_control_character_in_another_header_is_a_malformed_request_naming_it() {
        RawHttp.Response answer = send(conversion().header("X-Shop", "a\u001b[31mb"));
        assertProblem(answer, 400, "malformed-request");
        assertThat(new JsonObject(answer.bodyText()).getString("detail")).contains("X-Shop");
    }

    @Test
    void an_http_2_0_request_line_over_plain_tcp_is_505() {
        assertProblem(raw("GET /health/live HTTP/2.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), 505,
                "http-version-not-supported");
    }

    @Test
    void a_malformed_chunk_size_is_answered_400_before_the_close() {
        assertProblem(raw("POST " + CONVERSIONS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + tenant.apiKey() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "ZZZZ\r\n{}\r\n0\r\n\r\n"), 400, "malformed-request");
    }

    @Test
    void an_8_kb_url_is_414_and_16_kb_of_headers_431_and_a_garbage_line_400() {
        assertProblem(raw("GET " + CONVERSIONS + "?cursor=" + "a".repeat(8192) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n"), 414, "uri-too-long");
        assertProblem(raw("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(16 * 1024)
                + "\r\nConnection: close\r\n\r\n"), 431, "headers-too-large");
        assertProblem(raw("\u0001\u0002 nonsense\r\n\r\n"), 400, "malformed-request");
    }

    @Test
    void head_answers_as_get_without_a_body() {
        RawHttp.Response head = send(new RawHttp.Request("HEAD", "HEAD", "/health/live"));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void a_gzip_body_is_415_unread() {
        RawHttp.Request gzip = conversion().header("Content-Encoding", "gzip");
        gzip.body(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3});
        assertProblem(send(gzip), 415, "unsupported-media-type");
    }

    @Test
    void an_event_source_url_with_credentials_is_refused_by_field() {
        RawHttp.Request request = new RawHttp.Request("credentials in URL", "POST", CONVERSIONS)
                .header("Authorization", "Bearer " + tenant.apiKey()).header("Content-Type", "application/json")
                .body(tenant.purchase(77).put("eventSourceUrl", "https://admin:hunter2@shop.example/").encode());
        RawHttp.Response answer = send(request);
        assertProblem(answer, 400, "validation-failed");
        assertThat(answer.bodyText()).contains("eventSourceUrl").doesNotContain("hunter2");
    }

    @Test
    void two_admin_creates_with_one_idempotency_key_make_one_account() {
        RawHttp.Request create = new RawHttp.Request("admin create", "POST", "/admin/v1/accounts")
                .header("Authorization", "Bearer " + RunningService.ADMIN_TOKEN)
                .header("Content-Type", "application/json").header("Idempotency-Key", "admin-once")
                .body("{\"name\":\"Once\"}");
        RawHttp.Response first = send(create);
        RawHttp.Response second = send(create);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.header("X-Idempotent-Replay")).isEqualTo("true");
        assertThat(new JsonObject(second.bodyText()).getString("id"))
                .isEqualTo(new JsonObject(first.bodyText()).getString("id"));
    }

    private RawHttp.Request conversion() {
        return new RawHttp.Request("conversion", "POST", CONVERSIONS)
                .header("Authorization", "Bearer " + tenant.apiKey()).header("Content-Type", "application/json")
                .body(tenant.purchase(42).encode());
    }

    private RawHttp.Response send(RawHttp.Request request) {
        return RawHttp.exchange(service.port(), request);
    }

    private RawHttp.Response raw(String bytes) {
        RawHttp.Request request = new RawHttp.Request("raw", "RAW", "-");
        request.rawOverride = bytes.getBytes(StandardCharsets.ISO_8859_1);
        return send(request);
    }

    private static void assertProblem(RawHttp.Response answer, int status, String code) {
        assertThat(answer.status()).as(answer.failure() + " " + answer.bodyText()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonObject problem = new JsonObject(answer.bodyText());
        assertThat(problem.getString("code")).isEqualTo(code);
        assertThat(problem.getString("requestId")).isNotBlank().isEqualTo(answer.header("X-Request-Id"));
    }
}
