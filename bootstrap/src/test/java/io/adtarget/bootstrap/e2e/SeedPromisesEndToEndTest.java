package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.meta.testing.FakeGraphReply;
import io.adtarget.meta.testing.ReceivedGraphRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed document's promises, end to end: real Postgres and Redis, the service on port 0, a fake Graph API. */
class SeedPromisesEndToEndTest {
    private static final AtomicLong USERS = new AtomicLong(1_000_000);
    private static RunningService service;
    private static Tenant tenant;

    @BeforeAll
    static void start() {
        service = RunningService.start();
        tenant = service.provision("live", true, null, "-1001234567890");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static long newUser() {
        return USERS.incrementAndGet();
    }

    private List<ReceivedGraphRequest> metaRequestsFor(String eventId) {
        return service.meta().requests().stream()
                .filter(r -> r.json() != null && eventId.equals(r.json().getJsonArray("data").getJsonObject(0).getString("event_id")))
                .toList();
    }

    @Test
    void the_seed_request_is_sent_to_meta_once_and_its_retry_replays_the_same_bytes() {
        String key = "order_" + newUser();
        JsonObject body = tenant.purchase(1234567890L).put("eventId", key);

        HttpResponse<Buffer> first = service.postConversion(tenant.apiKey(), key, body);
        HttpResponse<Buffer> retry = service.postConversion(tenant.apiKey(), key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        JsonObject conversion = first.bodyAsJsonObject();
        assertThat(conversion.getString("status")).isEqualTo("sent");
        assertThat(conversion.getBoolean("deduplicated")).isFalse();
        assertThat(first.getHeader("X-Idempotent-Replay")).isNull();
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body().getBytes()).isEqualTo(first.body().getBytes());
        assertThat(retry.getHeader("X-Idempotent-Replay")).isEqualTo("true");
        assertThat(retry.getHeader("Idempotent-Replayed")).isEqualTo("true");
        List<ReceivedGraphRequest> sent = metaRequestsFor(key);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).accessToken()).isEqualTo(tenant.accessToken());
        assertThat(sent.get(0).json().getJsonArray("data").getJsonObject(0).getJsonObject("user_data")
                .getJsonArray("external_id").getString(0))
                .isEqualTo("c775e7b757ede630cd0aa1113bd102661ab38829ca52a6422ab782862f268646");
    }

    @Test
    void the_same_key_under_another_api_key_executes_instead_of_replaying() {
        String key = "order_shared_" + newUser();
        JsonObject body = tenant.purchase(newUser());
        String otherKey = tenant.issueKey(service, "live");

        HttpResponse<Buffer> first = service.postConversion(tenant.apiKey(), key, body);
        HttpResponse<Buffer> other = service.postConversion(otherKey, key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(other.getHeader("X-Idempotent-Replay")).isNull();
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.bodyAsJsonObject().getBoolean("deduplicated")).isTrue();
        assertThat(other.bodyAsJsonObject().getString("conversionId"))
                .isEqualTo(first.bodyAsJsonObject().getString("conversionId"));
    }

    @Test
    void a_key_of_128_characters_is_accepted_and_one_of_129_is_refused_without_effect() {
        JsonObject body = tenant.purchase(newUser());
        String key128 = "k".repeat(127) + (USERS.get() % 10);
        HttpResponse<Buffer> accepted = service.postConversion(tenant.apiKey(), key128, body);
        HttpResponse<Buffer> refused = service.postConversion(tenant.apiKey(), key128 + "x", tenant.purchase(newUser()));

        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("invalid-idempotency-key");
    }

    @Test
    void a_repeated_event_without_a_key_is_deduplicated_and_not_sent_again() {
        JsonObject body = tenant.purchase(newUser());

        HttpResponse<Buffer> first = service.postConversion(tenant.apiKey(), null, body);
        HttpResponse<Buffer> again = service.postConversion(tenant.apiKey(), null, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonObject reused = again.bodyAsJsonObject();
        assertThat(reused.getBoolean("deduplicated")).isTrue();
        assertThat(reused.getString("conversionId")).isEqualTo(first.bodyAsJsonObject().getString("conversionId"));
        assertThat(metaRequestsFor(reused.getString("eventId"))).hasSize(1);
    }

    @Test
    void a_meta_500_fails_the_conversion_and_a_repost_delivers_it_under_the_same_ids() {
        service.meta().enqueue(FakeGraphReply.status(500, "application/json",
                "{\"error\":{\"message\":\"boom\",\"code\":2,\"is_transient\":true}}"));
        JsonObject body = tenant.purchase(newUser());

        JsonObject failed = service.postConversion(tenant.apiKey(), null, body).bodyAsJsonObject();
        HttpResponse<Buffer> repost = service.postConversion(tenant.apiKey(), null, body.copy().put("value", 59.0));

        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getJsonObject("lastError").getString("code")).isEqualTo("meta-unavailable");
        assertThat(failed.getJsonObject("lastError").getBoolean("retryable")).isTrue();
        assertThat(repost.statusCode()).isEqualTo(200);
        JsonObject sent = repost.bodyAsJsonObject();
        assertThat(sent.getString("status")).isEqualTo("sent");
        assertThat(sent.getBoolean("deduplicated")).isFalse();
        assertThat(sent.getString("conversionId")).isEqualTo(failed.getString("conversionId"));
        assertThat(sent.getString("eventId")).isEqualTo(failed.getString("eventId"));
        assertThat(sent.getDouble("value")).isEqualTo(59.0);
        List<ReceivedGraphRequest> attempts = metaRequestsFor(failed.getString("eventId"));
        assertThat(attempts).hasSize(2);
    }

    @Test
    void the_retry_worker_delivers_a_transient_failure_on_its_own_but_never_retries_an_auth_error() {
        service.meta().enqueue(FakeGraphReply.metaError(400, 190, null, false, "Invalid OAuth access token"));
        JsonObject authFailed = service.postConversion(tenant.apiKey(), null, tenant.purchase(newUser()))
                .bodyAsJsonObject();
        service.meta().enqueue(FakeGraphReply.status(503, "text/html", "<html>down</html>"));
        JsonObject transientFailed = service.postConversion(tenant.apiKey(), null, tenant.purchase(newUser()))
                .bodyAsJsonObject();

        assertThat(authFailed.getString("status")).isEqualTo("failed");
        assertThat(authFailed.getJsonObject("lastError").getString("code")).isEqualTo("meta-auth");
        assertThat(authFailed.getJsonObject("lastError").getBoolean("retryable")).isFalse();
        assertThat(authFailed.getJsonObject("lastError").getInteger("metaCode")).isEqualTo(190);
        assertThat(transientFailed.getString("status")).isEqualTo("failed");

        JsonObject delivered = Eventually.until(Duration.ofSeconds(15),
                () -> service.getConversion(tenant.apiKey(), transientFailed.getString("conversionId")),
                c -> "sent".equals(c.getString("status")));
        assertThat(delivered.getInteger("attempts")).isEqualTo(2);
        // The worker has run at least once since the auth failure (it delivered the other one): still one attempt.
        JsonObject stillFailed = service.getConversion(tenant.apiKey(), authFailed.getString("conversionId"));
        assertThat(stillFailed.getString("status")).isEqualTo("failed");
        assertThat(stillFailed.getInteger("attempts")).isEqualTo(1);
        assertThat(metaRequestsFor(authFailed.getString("eventId"))).hasSize(1);
    }

    @Test
    void a_site_without_meta_skips_and_a_repost_after_configuring_it_delivers() {
        Tenant bare = service.provision("live", false, null, "-100777" + newUser());
        JsonObject body = bare.purchase(newUser());

        JsonObject skipped = service.postConversion(bare.apiKey(), null, body).bodyAsJsonObject();
        service.admin(HttpMethod.PATCH, "/admin/v1/sites/" + bare.siteId(),
                new JsonObject().put("metaPixelId", "998877665544").put("metaAccessToken", "EAAconfigured"), 200);
        HttpResponse<Buffer> repost = service.postConversion(bare.apiKey(), null, body);

        assertThat(skipped.getString("status")).isEqualTo("skipped");
        assertThat(skipped.getString("skipReason")).isEqualTo("meta-not-configured");
        assertThat(repost.statusCode()).isEqualTo(200);
        assertThat(repost.bodyAsJsonObject().getString("status")).isEqualTo("sent");
        assertThat(repost.bodyAsJsonObject().getString("conversionId")).isEqualTo(skipped.getString("conversionId"));
        List<ReceivedGraphRequest> sent = metaRequestsFor(skipped.getString("eventId"));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path()).isEqualTo("/v24.0/998877665544/events");
    }

    @Test
    void a_test_key_sends_the_sites_test_event_code_and_a_live_key_never_does() {
        Tenant withCode = service.provision("test", true, "TEST12345", "-100888" + newUser());
        String liveKey = withCode.issueKey(service, "live");
        long user = newUser();

        JsonObject testConversion = service.postConversion(withCode.apiKey(), null, withCode.purchase(user))
                .bodyAsJsonObject();
        JsonObject liveConversion = service.postConversion(liveKey, null, withCode.purchase(user)).bodyAsJsonObject();

        assertThat(testConversion.getString("status")).isEqualTo("sent");
        assertThat(liveConversion.getString("status")).isEqualTo("sent");
        assertThat(liveConversion.getString("conversionId"))
                .as("a test event never suppresses a live one").isNotEqualTo(testConversion.getString("conversionId"));
        assertThat(metaRequestsFor(testConversion.getString("eventId")).get(0).json().getString("test_event_code"))
                .isEqualTo("TEST12345");
        assertThat(metaRequestsFor(liveConversion.getString("eventId")).get(0).json().containsKey("test_event_code"))
                .isFalse();
    }
}
