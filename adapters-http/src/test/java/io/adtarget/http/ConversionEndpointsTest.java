package io.adtarget.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.in.RecordConversionCommand;
import io.adtarget.application.port.in.RecordConversionResult;
import io.adtarget.application.port.in.ConversionCursor;
import io.adtarget.application.port.in.ConversionPage;
import io.adtarget.application.port.ServiceUnavailableException;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.adtarget.domain.conversion.SkipReason;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversionEndpointsTest {
    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    static final List<String> FIELD_ORDER = List.of("conversionId", "eventId", "siteId", "telegramUserId",
            "channelId", "eventType", "value", "currency", "eventTime", "status", "deduplicated", "attempts",
            "createdAt", "updatedAt", "sentAt", "lastError", "skipReason", "actionSource", "userDataFields", "source", "visitId");
    static final String PURCHASE = """
            {"telegramUserId": 1234567890, "channelId": -1001234567890, "eventType": "Purchase",
             "value": 49, "currency": "usd", "eventTime": %d, "eventId": "order-77",
             "eventSourceUrl": "https://shop.example/thanks?x=1", "customData": {"plan": "pro", "seats": 3},
             "somethingUnknown": true}""".formatted(TestApi.NOW.getEpochSecond() - 60);

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
    void records_a_new_conversion_with_201_and_every_field_of_the_documented_shape() {
        api.conversions.onRecord = c -> Future.succeededFuture(
                new RecordConversionResult.Created(Conversions.sent(c, TestApi.NOW)));

        HttpResponse<Buffer> response = api.postConversion(PURCHASE);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        JsonObject body = response.bodyAsJsonObject();
        assertThat(List.copyOf(body.fieldNames())).containsExactlyElementsOf(FIELD_ORDER);
        assertThat(body.getString("conversionId")).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(body.getString("eventId")).isEqualTo("order-77");
        assertThat(body.getString("siteId")).isEqualTo(Conversions.SITE.toString());
        assertThat(body.getValue("telegramUserId")).isInstanceOf(Number.class);
        assertThat(body.getLong("telegramUserId")).isEqualTo(1234567890L);
        assertThat(body.getValue("channelId")).isEqualTo("-1001234567890");
        assertThat(body.getString("eventType")).isEqualTo("Purchase");
        assertThat(response.bodyAsString()).contains("\"value\":49.0,\"currency\":\"USD\"");
        assertThat(body.getLong("eventTime")).isEqualTo(TestApi.NOW.getEpochSecond() - 60);
        assertThat(body.getString("status")).isEqualTo("sent");
        assertThat(body.getBoolean("deduplicated")).isFalse();
        assertThat(body.getInteger("attempts")).isEqualTo(1);
        assertThat(body.getString("createdAt")).isEqualTo("2026-03-01T12:00:00.123Z").matches(TIMESTAMP);
        assertThat(body.getString("updatedAt")).isEqualTo("2026-03-01T12:00:00.373Z");
        assertThat(body.getString("sentAt")).isEqualTo("2026-03-01T12:00:00.373Z");
        assertThat(body.getValue("lastError")).isNull();
        assertThat(body.getValue("skipReason")).isNull();
    }

    @Test
    void hands_the_use_case_a_command_with_normalised_and_typed_fields() {
        api.conversions.onRecord = c -> Future.succeededFuture(
                new RecordConversionResult.Created(Conversions.pending(c, TestApi.NOW)));

        api.postConversion(PURCHASE);

        RecordConversionCommand command = api.conversions.recorded.get(0);
        assertThat(command.principal()).isEqualTo(TestApi.LIVE);
        assertThat(command.telegramUserId().value()).isEqualTo(1234567890L);
        assertThat(command.channelId().value()).isEqualTo("-1001234567890");
        assertThat(command.value().amount()).isEqualByComparingTo(new BigDecimal("49"));
        assertThat(command.value().currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(command.eventTime()).isEqualTo(Instant.ofEpochSecond(TestApi.NOW.getEpochSecond() - 60));
        assertThat(command.clientEventId().value()).isEqualTo("order-77");
        assertThat(command.eventSourceUrl()).isEqualTo("https://shop.example/thanks?x=1");
        assertThat(command.customData()).isEqualTo(Map.of("plan", "pro", "seats", 3L));
    }

    @Test
    void answers_200_with_deduplicated_true_when_a_sent_conversion_matched() {
        api.conversions.onRecord = c -> Future.succeededFuture(
                new RecordConversionResult.Deduplicated(Conversions.sent(c, TestApi.NOW)));

        HttpResponse<Buffer> response = api.postConversion(PURCHASE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getBoolean("deduplicated")).isTrue();
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("sent");
    }

    @Test
    void answers_200_with_deduplicated_false_when_an_unsent_conversion_was_revised() {
        api.conversions.onRecord = c -> Future.succeededFuture(
                new RecordConversionResult.Updated(Conversions.pending(c, TestApi.NOW)));

        HttpResponse<Buffer> response = api.postConversion(PURCHASE);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getBoolean("deduplicated")).isFalse();
        assertThat(body.getString("status")).isEqualTo("pending");
        assertThat(body.getInteger("attempts")).isZero();
        assertThat(body.getValue("sentAt")).isNull();
    }

    @Test
    void answers_404_channel_not_found_when_no_site_of_the_account_holds_the_channel() {
        api.conversions.onRecord = c -> Future.succeededFuture(new RecordConversionResult.ChannelNotFound());

        HttpResponse<Buffer> response = api.postConversion(PURCHASE);

        Problems.assertProblem(response, 404, "channel-not-found");
    }

    @Test
    void shows_the_last_error_with_metas_code_and_trace_for_a_failed_conversion() {
        DeliveryError error = DeliveryError.of(DeliveryErrorCode.META_REJECTED, "Invalid parameter", 100, "AbC123");
        api.conversions.onRecord = c -> Future.succeededFuture(new RecordConversionResult.Created(
                Conversions.pending(c, TestApi.NOW).claimForDelivery(TestApi.NOW, Duration.ofSeconds(10))
                        .markFailed(error, null, TestApi.NOW)));

        JsonObject body = api.postConversion(PURCHASE).bodyAsJsonObject();

        assertThat(body.getString("status")).isEqualTo("failed");
        assertThat(body.getJsonObject("lastError")).isEqualTo(new JsonObject().put("code", "meta-rejected")
                .put("message", "Invalid parameter").put("retryable", false).put("metaCode", 100)
                .put("fbtraceId", "AbC123"));
    }

    @Test
    void omits_metas_details_from_the_last_error_when_meta_sent_none() {
        DeliveryError error = DeliveryError.of(DeliveryErrorCode.META_TIMEOUT, "no answer within 1.5 s");
        api.conversions.onRecord = c -> Future.succeededFuture(new RecordConversionResult.Created(
                Conversions.pending(c, TestApi.NOW).claimForDelivery(TestApi.NOW, Duration.ofSeconds(10))
                        .markFailed(error, TestApi.NOW.plusSeconds(30), TestApi.NOW)));

        JsonObject lastError = api.postConversion(PURCHASE).bodyAsJsonObject().getJsonObject("lastError");

        assertThat(List.copyOf(lastError.fieldNames())).containsExactly("code", "message", "retryable");
        assertThat(lastError.getBoolean("retryable")).isTrue();
    }

    @Test
    void shows_the_skip_reason_and_uses_the_conversion_id_as_event_id_when_the_client_sent_none() {
        api.conversions.onRecord = c -> Future.succeededFuture(new RecordConversionResult.Created(
                Conversions.pending(c, TestApi.NOW).markSkipped(SkipReason.META_NOT_CONFIGURED, TestApi.NOW)));

        JsonObject body = api.postConversion("{\"telegramUserId\": 5, \"channelId\": \"42\", \"eventType\": \"Lead\"}")
                .bodyAsJsonObject();

        assertThat(body.getString("status")).isEqualTo("skipped");
        assertThat(body.getString("skipReason")).isEqualTo("meta-not-configured");
        assertThat(body.getString("eventId")).isEqualTo(body.getString("conversionId"));
        assertThat(body.getValue("value")).isNull();
        assertThat(body.getValue("currency")).isNull();
        assertThat(body.getLong("eventTime")).isEqualTo(TestApi.NOW.getEpochSecond());
        assertThat(api.conversions.recorded.get(0).eventTime()).isNull();
    }

    @Test
    void returns_a_conversion_of_the_callers_account_by_id() {
        ConversionEvent stored = storedConversion();

        HttpResponse<Buffer> response = api.get("/api/v1/events/conversion/" + stored.id(), TestApi.LIVE_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(List.copyOf(body.fieldNames())).containsExactlyElementsOf(FIELD_ORDER);
        assertThat(body.getString("conversionId")).isEqualTo(stored.id().toString());
        assertThat(body.getBoolean("deduplicated")).isFalse();
    }

    @Test
    void answers_404_for_another_accounts_conversion_exactly_as_for_an_unknown_one() {
        ConversionEvent stored = storedConversion();

        HttpResponse<Buffer> other = api.get("/api/v1/events/conversion/" + stored.id(), TestApi.OTHER_KEY);
        HttpResponse<Buffer> unknown = api.get("/api/v1/events/conversion/0193a5d2-7c1e-7b3a-9f0e-2d4c1b8a6e51",
                TestApi.LIVE_KEY);

        Problems.assertProblem(other, 404, "not-found");
        Problems.assertProblem(unknown, 404, "not-found");
        assertThat(other.bodyAsJsonObject().getString("detail")).isEqualTo(unknown.bodyAsJsonObject().getString("detail"));
    }

    @Test
    void answers_404_for_a_malformed_id_without_asking_the_use_case() {
        HttpResponse<Buffer> response = api.get("/api/v1/events/conversion/not-a-uuid", TestApi.LIVE_KEY);

        Problems.assertProblem(response, 404, "not-found");
        assertThat(api.conversions.invocations()).isZero();
    }

    @Test
    void lists_the_callers_conversions_with_filters_limit_and_next_cursor() {
        ConversionEvent stored = storedConversion();
        ConversionCursor next = new ConversionCursor(stored.createdAt(), stored.id());
        api.conversions.onList = q -> Future.succeededFuture(new ConversionPage(List.of(stored), next));

        HttpResponse<Buffer> response = api.get("/api/v1/events/conversion?status=sent&eventType=Lead"
                + "&telegramUserId=42&channelId=-100&limit=200&cursor=" + next.encode(), TestApi.LIVE_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(List.copyOf(body.fieldNames())).containsExactly("items", "nextCursor", "coverage");
        assertThat(body.getJsonArray("items")).hasSize(1);
        assertThat(body.getJsonArray("items").getJsonObject(0).getString("conversionId")).isEqualTo(stored.id().toString());
        assertThat(body.getString("nextCursor")).isEqualTo(next.encode());
        var query = api.conversions.queries.get(0);
        assertThat(query.accountId()).isEqualTo(TestApi.LIVE.accountId());
        assertThat(query.status()).isEqualTo(ConversionStatus.SENT);
        assertThat(query.eventType().value()).isEqualTo("Lead");
        assertThat(query.telegramUserId().value()).isEqualTo(42L);
        assertThat(query.channelId().value()).isEqualTo("-100");
        assertThat(query.limit()).isEqualTo(200);
        assertThat(query.after()).isEqualTo(next);
    }

    @Test
    void lists_fifty_by_default_and_ends_with_a_null_cursor() {
        HttpResponse<Buffer> response = api.get("/api/v1/events/conversion", TestApi.LIVE_KEY);

        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("items", List.of()).putNull("nextCursor")
                .put("coverage", List.of()));
        assertThat(api.conversions.queries.get(0).limit()).isEqualTo(50);
        assertThat(api.conversions.queries.get(0).after()).isNull();
    }

    @Test
    void accepts_and_ignores_an_idempotency_key_on_get() {
        HttpResponse<Buffer> response = api.request(io.vertx.core.http.HttpMethod.GET, "/api/v1/events/conversion")
                .bearerTokenAuthentication(TestApi.LIVE_KEY).putHeader("Idempotency-Key", "k-1").send().await();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.store.size()).isZero();
    }

    @Test
    void answers_503_with_retry_after_when_the_database_is_unavailable() {
        api.conversions.onRecord = c -> Future.failedFuture(new ServiceUnavailableException("postgres"));

        HttpResponse<Buffer> response = api.postConversion(PURCHASE);

        Problems.assertProblem(response, 503, "service-unavailable");
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void answers_500_with_a_generic_detail_that_leaks_nothing_of_the_failure() {
        api.conversions.onRecord = c -> Future.failedFuture(
                new IllegalStateException("SELECT * FROM api_keys WHERE hash = 'abc' password=hunter2"));

        HttpResponse<Buffer> response = api.postConversion(PURCHASE);

        Problems.assertProblem(response, 500, "internal-error");
        assertThat(response.bodyAsString()).doesNotContain("SELECT", "hunter2", "IllegalState", "at io.");
    }

    @Test
    void answers_500_also_when_the_use_case_throws_instead_of_failing_its_future() {
        api.conversions.onRecord = c -> {
            throw new IllegalStateException("boom with " + TestApi.LIVE_KEY);
        };

        HttpResponse<Buffer> response = api.postConversion(PURCHASE);

        Problems.assertProblem(response, 500, "internal-error");
        assertThat(response.bodyAsString()).doesNotContain(TestApi.LIVE_KEY, "boom");
    }

    private ConversionEvent storedConversion() {
        api.conversions.onRecord = c -> Future.succeededFuture(
                new RecordConversionResult.Created(Conversions.sent(c, TestApi.NOW)));
        api.postConversion(PURCHASE);
        ConversionEvent stored = Conversions.sent(api.conversions.recorded.get(0), TestApi.NOW);
        api.conversions.reset();
        api.conversions.stored.add(stored);
        return stored;
    }
}
