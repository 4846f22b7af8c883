package io.adtarget.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.in.IdempotentOutcome;
import io.adtarget.application.port.in.RecordConversionResult;
import io.adtarget.application.port.ServiceUnavailableException;
import io.adtarget.domain.idempotency.StoredResponse;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The replay contract through HTTP, over the real IdempotencyService and an in-memory store. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyReplayTest {
    static final String BODY = "{\"telegramUserId\": 42, \"channelId\": \"-100\", \"eventType\": \"Lead\"}";
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
        api.conversions.onRecord = c -> Future.succeededFuture(
                new RecordConversionResult.Created(Conversions.pending(c, TestApi.NOW)));
    }

    @Test
    void replays_the_stored_status_and_exact_bytes_with_both_replay_headers() {
        HttpResponse<Buffer> first = api.postConversion(BODY, "replay-1");
        HttpResponse<Buffer> second = api.postConversion(BODY, "replay-1");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.getHeader("X-Idempotent-Replay")).isNull();
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(second.body().getBytes()).isEqualTo(first.body().getBytes());
        assertThat(second.getHeader("X-Idempotent-Replay")).isEqualTo("true");
        assertThat(second.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.getHeader("X-Idempotency-Body-Mismatch")).isNull();
        assertThat(api.conversions.recorded).hasSize(1);
    }

    @Test
    void a_completed_key_replays_even_when_the_retry_body_is_invalid_because_a_replay_body_is_not_looked_at() {
        HttpResponse<Buffer> first = api.postConversion(BODY, "replay-2");

        HttpResponse<Buffer> replay = api.postConversion("{\"not\": \"even valid\"}", "replay-2");

        assertThat(replay.statusCode()).isEqualTo(first.statusCode());
        assertThat(replay.body().getBytes()).isEqualTo(first.body().getBytes());
        assertThat(replay.getHeader("X-Idempotent-Replay")).isEqualTo("true");
        assertThat(api.conversions.recorded).hasSize(1);
    }

    @Test
    void an_invalid_body_under_an_unused_key_is_refused_and_leaves_the_key_free() {
        HttpResponse<Buffer> refused = api.postConversion("{\"not\": \"even valid\"}", "fresh-invalid");
        HttpResponse<Buffer> corrected = api.postConversion(BODY, "fresh-invalid");

        Problems.assertProblem(refused, 400, "validation-failed");
        assertThat(corrected.statusCode()).isEqualTo(201);
        assertThat(corrected.getHeader("X-Idempotent-Replay")).isNull();
        assertThat(api.conversions.recorded).hasSize(1);
    }

    @Test
    void replays_a_stored_channel_not_found_byte_for_byte() {
        api.conversions.onRecord = c -> Future.succeededFuture(new RecordConversionResult.ChannelNotFound());

        HttpResponse<Buffer> first = api.postConversion(BODY, "replay-404");
        HttpResponse<Buffer> second = api.postConversion(BODY, "replay-404");

        Problems.assertProblem(first, 404, "channel-not-found");
        assertThat(second.statusCode()).isEqualTo(404);
        assertThat(second.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(second.body().getBytes()).isEqualTo(first.body().getBytes());
        assertThat(second.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.conversions.recorded).hasSize(1);
    }

    @Test
    void the_same_key_of_two_api_keys_executes_twice() {
        api.postConversion(BODY, "shared-key");
        HttpResponse<Buffer> other = api.request(HttpMethod.POST, "/api/v1/events/conversion")
                .bearerTokenAuthentication(TestApi.OTHER_KEY).putHeader("Content-Type", "application/json")
                .putHeader("Idempotency-Key", "shared-key").sendBuffer(Buffer.buffer(BODY)).await();

        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.getHeader("Idempotent-Replayed")).isNull();
        assertThat(api.conversions.recorded).hasSize(2);
    }

    @Test
    void a_rejected_request_stores_nothing_and_its_corrected_retry_executes() {
        HttpResponse<Buffer> rejected = api.postConversion("{\"telegramUserId\": 0}", "fix-me");
        HttpResponse<Buffer> unauthorized = api.request(HttpMethod.POST, "/api/v1/events/conversion")
                .bearerTokenAuthentication(TestApi.UNKNOWN_KEY).putHeader("Idempotency-Key", "fix-me")
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(BODY)).await();
        assertThat(api.store.size()).isZero();

        HttpResponse<Buffer> corrected = api.postConversion(BODY, "fix-me");

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(corrected.statusCode()).isEqualTo(201);
        assertThat(corrected.getHeader("Idempotent-Replayed")).isNull();
        assertThat(api.store.size()).isEqualTo(1);
    }

    @Test
    void a_503_is_not_stored_so_the_retry_executes() {
        api.conversions.onRecord = c -> Future.failedFuture(new ServiceUnavailableException("redis"));
        HttpResponse<Buffer> failed = api.postConversion(BODY, "after-outage");
        api.conversions.onRecord = c -> Future.succeededFuture(
                new RecordConversionResult.Created(Conversions.pending(c, TestApi.NOW)));

        HttpResponse<Buffer> retry = api.postConversion(BODY, "after-outage");

        Problems.assertProblem(failed, 503, "service-unavailable");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.getHeader("Idempotent-Replayed")).isNull();
    }

    @Test
    void a_key_still_executing_gets_409_with_retry_after() {
        api.idempotency = (TestApi.ExecuteOnly) (request, action) -> Future.succeededFuture(new IdempotentOutcome.InUse(Duration.ofSeconds(1)));

        HttpResponse<Buffer> response = api.postConversion(BODY, "busy");

        Problems.assertProblem(response, 409, "idempotency-key-in-use");
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(api.conversions.recorded).isEmpty();
    }

    @Test
    void a_reused_key_with_another_body_gets_422_in_reject_mode() {
        api.idempotency = (TestApi.ExecuteOnly) (request, action) -> Future.succeededFuture(new IdempotentOutcome.KeyReused());

        Problems.assertProblem(api.postConversion(BODY, "reused"), 422, "idempotency-key-reused");
    }

    @Test
    void a_mismatching_replay_in_warn_mode_carries_the_mismatch_header() {
        StoredResponse stored = new StoredResponse(200, "application/json", "{\"x\":1}".getBytes(StandardCharsets.UTF_8),
                null);
        api.idempotency = (TestApi.ExecuteOnly) (request, action) -> Future.succeededFuture(new IdempotentOutcome.Replayed(stored, true));

        HttpResponse<Buffer> response = api.postConversion(BODY, "warned");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("{\"x\":1}");
        assertThat(response.getHeader("X-Idempotency-Body-Mismatch")).isEqualTo("true");
        assertThat(response.getHeader("X-Idempotent-Replay")).isEqualTo("true");
    }

    @Test
    void passes_the_scope_and_the_sha256_of_the_body_to_the_idempotency_service() {
        var seen = new java.util.concurrent.atomic.AtomicReference<io.adtarget.application.port.in.IdempotentRequest>();
        api.idempotency = (TestApi.ExecuteOnly) (request, action) -> {
            seen.set(request);
            return action.get().map(response -> new IdempotentOutcome.Executed(response, true));
        };

        api.postConversion(BODY, "  \"quoted \\\"key\\\"\"  ");

        assertThat(seen.get().scope().apiKeyId()).isEqualTo(TestApi.LIVE.apiKeyId());
        assertThat(seen.get().scope().key().value()).isEqualTo("quoted \"key\"");
        assertThat(seen.get().bodyFingerprint())
                .isEqualTo(io.adtarget.domain.shared.Sha256.hex(BODY.getBytes(StandardCharsets.UTF_8)));
    }
}
