package io.adtarget.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.ConversionTestData;
import io.adtarget.application.port.in.RetryConversionUseCase.RetryResult;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.DeliveryAttempt;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the console reads and does beyond the list API: attempts, an operator's list and look, Retry now. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleEndpointsTest {
    TestApi api;
    ConversionEvent mine;

    @BeforeAll
    void start(Vertx vertx) {
        api = TestApi.start(vertx);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @BeforeEach
    void seed() {
        api.reset();
        mine = ConversionTestData.aConversion().withIdFrom(new SplittableRandom(3)).ofAccount(TestApi.LIVE.accountId())
                .withAttempts(1).build();
        api.conversions.stored.add(mine);
        api.console.attempts.add(DeliveryAttempt.failed(mine, Instant.parse("2026-03-01T11:59:00.5Z"),
                java.time.Duration.ofMillis(87),
                DeliveryError.of(DeliveryErrorCode.META_REJECTED, "Meta answered HTTP 400", 100, "AbC123"), 400, 33));
    }

    String attemptsPath(ConversionEvent c) {
        return "/api/v1/events/conversion/" + c.id() + "/attempts";
    }

    @Test
    void a_customer_reads_the_attempts_of_its_own_conversion() {
        HttpResponse<Buffer> response = api.get(attemptsPath(mine), TestApi.LIVE_KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("conversionId")).isEqualTo(mine.id().toString());
        JsonArray items = body.getJsonArray("items");
        assertThat(items).hasSize(1);
        assertThat(items.getJsonObject(0).getMap()).containsEntry("attempt", 1)
                .containsEntry("attemptedAt", "2026-03-01T11:59:00.500Z").containsEntry("outcome", "meta-rejected")
                .containsEntry("httpStatus", 400).containsEntry("metaCode", 100).containsEntry("metaSubcode", 33)
                .containsEntry("fbtraceId", "AbC123").containsEntry("latencyMs", 87);
    }

    @Test
    void another_accounts_conversion_is_not_found_and_a_malformed_id_is_not_found_either() {
        Problems.assertProblem(api.get(attemptsPath(mine), TestApi.OTHER_KEY), 404, "not-found");
        Problems.assertProblem(api.get("/api/v1/events/conversion/not-a-uuid/attempts", TestApi.LIVE_KEY), 404,
                "not-found");
        Problems.assertProblem(api.get(attemptsPath(mine), null), 401, "unauthorized");
    }

    @Test
    void the_admin_token_reads_any_conversion_and_its_attempts_and_an_api_key_cannot() {
        HttpResponse<Buffer> one = api.get("/admin/v1/conversions/" + mine.id(), TestApi.ADMIN_TOKEN);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.bodyAsJsonObject().getString("conversionId")).isEqualTo(mine.id().toString());
        HttpResponse<Buffer> attempts = api.get("/admin/v1/conversions/" + mine.id() + "/attempts", TestApi.ADMIN_TOKEN);
        assertThat(attempts.bodyAsJsonObject().getJsonArray("items")).hasSize(1);
        Problems.assertProblem(api.get("/admin/v1/conversions/" + UUID.randomUUID(), TestApi.ADMIN_TOKEN), 404,
                "not-found");
        Problems.assertProblem(api.get("/admin/v1/conversions/" + mine.id(), TestApi.LIVE_KEY), 401, "unauthorized");
    }

    @Test
    void the_admin_list_needs_an_account_id_and_then_lists_that_account_with_the_public_filters() {
        JsonObject missing = Problems.assertProblem(api.get("/admin/v1/conversions", TestApi.ADMIN_TOKEN), 400,
                "validation-failed");
        assertThat(missing.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("accountId");
        Problems.assertProblem(api.get("/admin/v1/conversions?accountId=nope", TestApi.ADMIN_TOKEN), 400,
                "validation-failed");

        HttpResponse<Buffer> listed = api.get("/admin/v1/conversions?accountId=" + TestApi.OTHER.accountId().value()
                + "&status=failed", TestApi.ADMIN_TOKEN);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(api.conversions.queries).singleElement().satisfies(query -> {
            assertThat(query.accountId()).isEqualTo(TestApi.OTHER.accountId());
            assertThat(query.status().slug()).isEqualTo("failed");
        });
    }

    @Test
    void the_lists_take_a_received_time_range_and_name_a_bad_bound() {
        HttpResponse<Buffer> ranged = api.get("/api/v1/events/conversion?from=2026-03-01T10:00:00Z"
                + "&to=2026-03-01T12:00:00%2B01:00", TestApi.LIVE_KEY);
        assertThat(ranged.statusCode()).isEqualTo(200);
        assertThat(api.conversions.queries).singleElement().satisfies(query -> {
            assertThat(query.receivedFrom()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
            assertThat(query.receivedBefore()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        });
        JsonObject bad = Problems.assertProblem(api.get("/api/v1/events/conversion?from=yesterday", TestApi.LIVE_KEY),
                400, "validation-failed");
        assertThat(bad.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("from");
        JsonObject backwards = Problems.assertProblem(api.get("/admin/v1/conversions?accountId="
                + TestApi.LIVE.accountId().value() + "&from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z",
                TestApi.ADMIN_TOKEN), 400, "validation-failed");
        assertThat(backwards.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("to");
        assertThat(api.conversions.queries).hasSize(1);
    }

    @Test
    void delivery_health_is_the_callers_account_for_a_key_and_any_existing_account_for_the_admin() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        var site = new io.adtarget.domain.conversion.SiteDeliveryHealth(mine.siteId(), "Shop",
                java.util.Map.of(io.adtarget.domain.conversion.ConversionStatus.SENT, 3,
                        io.adtarget.domain.conversion.ConversionStatus.FAILED, 1), 1,
                java.util.List.of(new io.adtarget.domain.conversion.SiteDeliveryHealth.ErrorCount("meta-rejected", 100, 2)),
                new io.adtarget.domain.userdata.MatchCoverage(4, java.util.Map.of(
                        io.adtarget.domain.userdata.MatchSignal.FBP, 2)),
                java.util.List.of(new io.adtarget.domain.conversion.SiteDeliveryHealth.Hour(now, 3, 1, 0, 0)));
        api.console.health = java.util.Optional.of(new io.adtarget.application.port.in.ReportDeliveryHealthUseCase.Report(
                now.minusSeconds(86_400), now, java.util.List.of(site)));

        HttpResponse<Buffer> own = api.get("/api/v1/delivery-health", TestApi.LIVE_KEY);
        assertThat(own.statusCode()).isEqualTo(200);
        JsonObject first = own.bodyAsJsonObject().getJsonArray("sites").getJsonObject(0);
        assertThat(first.getJsonObject("conversions").getMap()).containsEntry("sent", 3).containsEntry("failed", 1)
                .containsEntry("pending", 0).containsEntry("skipped", 0);
        assertThat(first.getJsonObject("coverage").getDouble("fbp")).isEqualTo(0.5);
        assertThat(first.getJsonArray("metaErrors").getJsonObject(0).getMap()).containsEntry("metaCode", 100)
                .containsEntry("attempts", 2);
        assertThat(first.getJsonArray("hourly")).hasSize(1);
        assertThat(api.console.healthAsked).containsExactly(TestApi.LIVE.accountId());

        HttpResponse<Buffer> admin = api.get("/admin/v1/accounts/" + TestApi.OTHER.accountId().value()
                + "/delivery-health", TestApi.ADMIN_TOKEN);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(api.console.healthAsked).last().isEqualTo(TestApi.OTHER.accountId());
        api.console.health = java.util.Optional.empty();
        Problems.assertProblem(api.get("/admin/v1/accounts/" + UUID.randomUUID() + "/delivery-health",
                TestApi.ADMIN_TOKEN), 404, "not-found");
        Problems.assertProblem(api.get("/api/v1/delivery-health", null), 401, "unauthorized");
    }

    @Test
    void retry_now_answers_200_with_the_conversion_after_its_attempt() {
        ConversionEvent sent = ConversionTestData.aConversion().withId(mine.id()).ofAccount(mine.accountId()).sent()
                .build();
        api.console.onRetry = id -> new RetryResult.Retried(sent);
        HttpResponse<Buffer> response = retry(mine, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("sent");
    }

    @Test
    void retry_now_of_a_sent_conversion_is_a_409_problem_and_of_an_unknown_one_a_404() {
        api.console.onRetry = id -> new RetryResult.NotRetryable(mine, "the conversion was sent to Meta already");
        JsonObject conflict = Problems.assertProblem(retry(mine, null), 409, "conflict");
        assertThat(conflict.getString("detail")).contains("sent to Meta already");
        api.console.onRetry = id -> new RetryResult.NotFound();
        Problems.assertProblem(retry(mine, null), 404, "not-found");
        Problems.assertProblem(api.send(HttpMethod.POST, "/admin/v1/conversions/nope/retry", TestApi.ADMIN_TOKEN, null),
                404, "not-found");
    }

    @Test
    void retry_now_while_a_delivery_is_under_way_answers_202_with_the_conversion_as_found() {
        api.console.onRetry = id -> new RetryResult.AlreadyQueued(mine);
        HttpResponse<Buffer> response = retry(mine, null);
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.bodyAsJsonObject().getString("conversionId")).isEqualTo(mine.id().toString());
    }

    @Test
    void retry_now_with_an_idempotency_key_runs_once_and_replays_the_same_answer() {
        ConversionEvent sent = ConversionTestData.aConversion().withId(mine.id()).ofAccount(mine.accountId()).sent()
                .build();
        api.console.onRetry = id -> new RetryResult.Retried(sent);
        HttpResponse<Buffer> first = retry(mine, "retry-1");
        api.console.onRetry = id -> new RetryResult.NotRetryable(sent, "the conversion was sent to Meta already");
        HttpResponse<Buffer> second = retry(mine, "retry-1");

        assertThat(api.console.retried).hasSize(1);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.bodyAsString()).isEqualTo(first.bodyAsString());
        assertThat(second.getHeader("X-Idempotent-Replay")).isEqualTo("true");
    }

    private HttpResponse<Buffer> retry(ConversionEvent c, String idempotencyKey) {
        var request = api.request(HttpMethod.POST, "/admin/v1/conversions/" + c.id() + "/retry")
                .putHeader("Authorization", "Bearer " + TestApi.ADMIN_TOKEN);
        if (idempotencyKey != null) {
            request.putHeader("Idempotency-Key", idempotencyKey);
        }
        return request.send().await();
    }
}
