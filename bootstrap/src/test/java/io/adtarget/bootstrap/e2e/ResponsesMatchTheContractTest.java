package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Real responses of the running service, for every operation of {@code openapi.yaml}, validated
 * against the document with Vert.x's own OpenAPI validator: the status must be one the operation
 * describes, and the headers and body must match the schemas described for it. The 503s (Postgres
 * or Redis down) and 500s are not provoked here; the fault tests cover them.
 */
class ResponsesMatchTheContractTest {
    private static final Vertx VERTX = Vertx.vertx();
    private static RunningService service;
    private static io.adtarget.telegram.testing.FakeTelegramBotApi telegram;
    private static final io.adtarget.domain.telegram.BotToken BOT =
            new io.adtarget.domain.telegram.BotToken("4242:AAcontractTestBotTokenSecret00");
    private static Tenant tenant;
    private static final String PROBLEM = "application/problem+json";
    private static JsonObject original;
    private static OpenAPIContract contract;
    private static ResponseValidator validator;
    private static final List<String> violations = new ArrayList<>();
    private static final Set<String> exercised = new TreeSet<>();

    @BeforeAll
    static void start() {
        telegram = io.adtarget.telegram.testing.FakeTelegramBotApi.create(VERTX).start().await()
                .addBot(BOT, "contract_bot").addChat(BOT, "-1001234567890");
        service = RunningService.start(Map.of("IDEMPOTENCY_FINGERPRINT", "reject", "TELEGRAM_MODE", "live",
                "TELEGRAM_API_URL", telegram.url().toString(), "PUBLIC_BASE_URL", "https://adtarget.example"));
        tenant = service.provision("live", true, null, "-1001234567890");
        String yaml = service.request(HttpMethod.GET, "/openapi.yaml").send().await().bodyAsString();
        original = new JsonObject(new Yaml().<Map<String, Object>>load(yaml));
        JsonObject document = original.copy();
        // The document's server is relative ("/"); Vert.x's contract wants an absolute URL: this service's.
        document.put("servers", new io.vertx.core.json.JsonArray().add(new JsonObject()
                .put("url", "http://127.0.0.1:" + service.port())));
        // Vert.x's validator reads JSON bodies only: the YAML of /openapi.yaml and the Prometheus text of /metrics
        // keep their media type check (in check()) and are looked at by hand below.
        for (String path : List.of("/openapi.yaml", "/metrics", "/track.js")) {
            document.getJsonObject("paths").getJsonObject(path).getJsonObject("get")
                    .getJsonObject("responses").getJsonObject("200").remove("content");
        }
        // Nor application/problem+json: problems are validated as JSON, their media type is compared by hand in check().
        document.getJsonObject("components").getJsonObject("responses").forEach(response -> {
            JsonObject content = ((JsonObject) response.getValue()).getJsonObject("content");
            if (content != null && content.containsKey(PROBLEM)) {
                content.put("application/json", content.remove(PROBLEM));
            }
        });
        contract = OpenAPIContract.from(VERTX, document).await();
        validator = ResponseValidator.create(VERTX, contract);
    }

    @AfterAll
    static void stop() {
        service.close();
        telegram.stop().await();
        VERTX.close().await();
    }

    @Test
    void every_response_of_every_operation_validates_against_the_document() {
        String conversions = "/api/v1/events/conversion";
        // with user data, so userDataFields and the list's coverage carry values, not only their empty shapes
        JsonObject purchase = tenant.purchase(4242).put("userData", new JsonObject()
                .put("email", "ada@example.com").put("fbp", "fb.1.1700000000000.123456789"));

        // recordConversion: 201, the replay of it, 200 (reused), 400 ×2, 401, 404 and its replay, 405, 413, 415, 422
        HttpResponse<Buffer> created = check("recordConversion", 201, apiKey(HttpMethod.POST, conversions)
                .putHeader("Idempotency-Key", "contract-1").sendJsonObject(purchase).await());
        check("recordConversion", 201, apiKey(HttpMethod.POST, conversions)
                .putHeader("Idempotency-Key", "contract-1").sendJsonObject(purchase).await());
        check("recordConversion", 200, apiKey(HttpMethod.POST, conversions).sendJsonObject(purchase).await());
        check("recordConversion", 400, apiKey(HttpMethod.POST, conversions)
                .sendJsonObject(purchase.copy().put("telegramUserId", "not a number")).await());
        check("recordConversion", 400, apiKey(HttpMethod.POST, conversions)
                .putHeader("Idempotency-Key", "").sendJsonObject(purchase).await());
        check("recordConversion", 401, service.request(HttpMethod.POST, conversions).sendJsonObject(purchase).await());
        JsonObject elsewhere = purchase.copy().put("channelId", "-100999");
        check("recordConversion", 404, apiKey(HttpMethod.POST, conversions)
                .putHeader("Idempotency-Key", "contract-404").sendJsonObject(elsewhere).await());
        check("recordConversion", 404, apiKey(HttpMethod.POST, conversions)
                .putHeader("Idempotency-Key", "contract-404").sendJsonObject(elsewhere).await());
        check("recordConversion", 405, apiKey(HttpMethod.PUT, conversions).sendJsonObject(purchase).await());
        check("recordConversion", 413, apiKey(HttpMethod.POST, conversions).putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"pad\":\"" + "x".repeat(70_000) + "\"}")).await());
        check("recordConversion", 415, apiKey(HttpMethod.POST, conversions).putHeader("Content-Type", "text/plain")
                .sendBuffer(Buffer.buffer(purchase.encode())).await());
        check("recordConversion", 422, apiKey(HttpMethod.POST, conversions).putHeader("Idempotency-Key", "contract-1")
                .sendJsonObject(tenant.purchase(4243)).await());

        // listConversions and getConversion
        check("listConversions", 200, apiKey(HttpMethod.GET, conversions + "?limit=1").send().await());
        check("listConversions", 400, apiKey(HttpMethod.GET, conversions + "?limit=0").send().await());
        check("listConversions", 401, service.request(HttpMethod.GET, conversions).send().await());
        String conversionId = created.bodyAsJsonObject().getString("conversionId");
        check("getConversion", 200, apiKey(HttpMethod.GET, conversions + "/" + conversionId).send().await());
        check("getConversion", 400, apiKey(HttpMethod.GET, conversions + "/" + conversionId)
                .putHeader("Idempotency-Key", "x".repeat(129)).send().await());
        check("getConversion", 401, service.request(HttpMethod.GET, conversions + "/" + conversionId).send().await());
        check("getConversion", 404, apiKey(HttpMethod.GET, conversions + "/00000000-0000-4000-8000-000000000000")
                .send().await());

        // the console's reads: a conversion's attempts (written just after the call, so waited for)
        String attempts = conversions + "/" + conversionId + "/attempts";
        Eventually.until(java.time.Duration.ofSeconds(10),
                () -> apiKey(HttpMethod.GET, attempts).send().await().bodyAsJsonObject().getJsonArray("items").size(),
                n -> n > 0);
        check("listDeliveryAttempts", 200, apiKey(HttpMethod.GET, attempts).send().await());
        check("listDeliveryAttempts", 401, service.request(HttpMethod.GET, attempts).send().await());
        check("listDeliveryAttempts", 404, apiKey(HttpMethod.GET, conversions + "/00000000-0000-4000-8000-000000000000"
                + "/attempts").send().await());

        check("getDeliveryHealth", 200, apiKey(HttpMethod.GET, "/api/v1/delivery-health").send().await());
        check("getDeliveryHealth", 401, service.request(HttpMethod.GET, "/api/v1/delivery-health").send().await());

        // the admin API
        String unknown = "00000000-0000-4000-8000-000000000000";
        check("adminGetDeliveryHealth", 200, admin(HttpMethod.GET, "/admin/v1/accounts/" + tenant.accountId()
                + "/delivery-health").send().await());
        check("adminGetDeliveryHealth", 404, admin(HttpMethod.GET, "/admin/v1/accounts/" + unknown
                + "/delivery-health").send().await());
        check("adminListConversions", 200, admin(HttpMethod.GET, "/admin/v1/conversions?accountId="
                + tenant.accountId()).send().await());
        check("adminListConversions", 400, admin(HttpMethod.GET, "/admin/v1/conversions").send().await());
        check("adminGetConversion", 200, admin(HttpMethod.GET, "/admin/v1/conversions/" + conversionId).send().await());
        check("adminGetConversion", 404, admin(HttpMethod.GET, "/admin/v1/conversions/" + unknown).send().await());
        check("adminListDeliveryAttempts", 200, admin(HttpMethod.GET, "/admin/v1/conversions/" + conversionId
                + "/attempts").send().await());
        check("adminListDeliveryAttempts", 404, admin(HttpMethod.GET, "/admin/v1/conversions/" + unknown
                + "/attempts").send().await());
        // Retry now: a conversion Meta refused for good, then retried (the fake accepts by default), then 409
        service.meta().enqueue(io.adtarget.meta.testing.FakeGraphReply.metaError(400, 100, 2804003, false,
                "Invalid parameter"));
        String refused = apiKey(HttpMethod.POST, conversions).sendJsonObject(tenant.purchase(5151)).await()
                .bodyAsJsonObject().getString("conversionId");
        check("retryConversion", 200, admin(HttpMethod.POST, "/admin/v1/conversions/" + refused + "/retry").send().await());
        check("retryConversion", 409, admin(HttpMethod.POST, "/admin/v1/conversions/" + refused + "/retry").send().await());
        check("retryConversion", 404, admin(HttpMethod.POST, "/admin/v1/conversions/" + unknown + "/retry").send().await());
        HttpResponse<Buffer> account = check("createAccount", 201,
                admin(HttpMethod.POST, "/admin/v1/accounts").sendJsonObject(new JsonObject().put("name", "Contract")).await());
        String accountId = account.bodyAsJsonObject().getString("id");
        check("createAccount", 400, admin(HttpMethod.POST, "/admin/v1/accounts").sendJsonObject(new JsonObject()).await());
        check("createAccount", 401, service.request(HttpMethod.POST, "/admin/v1/accounts")
                .sendJsonObject(new JsonObject().put("name", "x")).await());
        check("createAccount", 415, admin(HttpMethod.POST, "/admin/v1/accounts").putHeader("Content-Type", "text/plain")
                .sendBuffer(Buffer.buffer("{}")).await());
        check("getAccount", 200, admin(HttpMethod.GET, "/admin/v1/accounts/" + accountId).send().await());
        check("getAccount", 404, admin(HttpMethod.GET, "/admin/v1/accounts/" + unknown).send().await());
        check("getAccount", 405, admin(HttpMethod.PUT, "/admin/v1/accounts/" + accountId).send().await());
        check("updateAccount", 200, admin(HttpMethod.PATCH, "/admin/v1/accounts/" + accountId)
                .sendJsonObject(new JsonObject().put("rateLimitPerSecond", 500)).await());
        check("updateAccount", 200, admin(HttpMethod.PATCH, "/admin/v1/accounts/" + accountId)
                .sendJsonObject(new JsonObject().putNull("rateLimitPerSecond")).await());
        check("updateAccount", 400, admin(HttpMethod.PATCH, "/admin/v1/accounts/" + accountId)
                .sendJsonObject(new JsonObject().put("rateLimitPerSecond", 0)).await());
        check("updateAccount", 404, admin(HttpMethod.PATCH, "/admin/v1/accounts/" + unknown)
                .sendJsonObject(new JsonObject().put("rateLimitPerSecond", 5)).await());

        HttpResponse<Buffer> key = check("issueApiKey", 201, admin(HttpMethod.POST, "/admin/v1/accounts/" + accountId + "/api-keys")
                .sendJsonObject(new JsonObject().put("name", "k").put("mode", "test")).await());
        check("issueApiKey", 400, admin(HttpMethod.POST, "/admin/v1/accounts/" + accountId + "/api-keys")
                .sendJsonObject(new JsonObject().put("name", "k").put("mode", "staging")).await());
        check("issueApiKey", 404, admin(HttpMethod.POST, "/admin/v1/accounts/" + unknown + "/api-keys")
                .sendJsonObject(new JsonObject().put("name", "k").put("mode", "test")).await());
        String keyId = key.bodyAsJsonObject().getString("id");
        check("revokeApiKey", 204, admin(HttpMethod.DELETE, "/admin/v1/api-keys/" + keyId).send().await());
        check("revokeApiKey", 404, admin(HttpMethod.DELETE, "/admin/v1/api-keys/" + unknown).send().await());
        check("revokeApiKey", 401, service.request(HttpMethod.DELETE, "/admin/v1/api-keys/" + keyId).send().await());

        HttpResponse<Buffer> site = check("createSite", 201, admin(HttpMethod.POST, "/admin/v1/accounts/" + accountId + "/sites")
                .sendJsonObject(new JsonObject().put("name", "Shop").put("metaPixelId", "123456789012345")
                        .put("metaAccessToken", "EAAcontract")).await());
        check("createSite", 400, admin(HttpMethod.POST, "/admin/v1/accounts/" + accountId + "/sites")
                .sendJsonObject(new JsonObject().put("name", "")).await());
        check("createSite", 404, admin(HttpMethod.POST, "/admin/v1/accounts/" + unknown + "/sites")
                .sendJsonObject(new JsonObject().put("name", "Shop")).await());
        String siteId = site.bodyAsJsonObject().getString("id");
        check("getSite", 200, admin(HttpMethod.GET, "/admin/v1/sites/" + siteId).send().await());
        check("getSite", 404, admin(HttpMethod.GET, "/admin/v1/sites/" + unknown).send().await());
        check("updateSite", 200, admin(HttpMethod.PATCH, "/admin/v1/sites/" + siteId)
                .sendJsonObject(new JsonObject().put("testEventCode", "TEST123")).await());
        check("updateSite", 400, admin(HttpMethod.PATCH, "/admin/v1/sites/" + siteId)
                .sendJsonObject(new JsonObject().put("enabled", "yes")).await());
        check("updateSite", 404, admin(HttpMethod.PATCH, "/admin/v1/sites/" + unknown)
                .sendJsonObject(new JsonObject().put("enabled", false)).await());
        check("attachChannel", 201, admin(HttpMethod.POST, "/admin/v1/sites/" + siteId + "/channels")
                .sendJsonObject(new JsonObject().put("channelId", -1005550001L)).await());
        check("attachChannel", 409, admin(HttpMethod.POST, "/admin/v1/sites/" + siteId + "/channels")
                .sendJsonObject(new JsonObject().put("channelId", "-1005550001")).await());
        check("attachChannel", 400, admin(HttpMethod.POST, "/admin/v1/sites/" + siteId + "/channels")
                .sendJsonObject(new JsonObject().put("channelId", "abc")).await());
        check("attachChannel", 404, admin(HttpMethod.POST, "/admin/v1/sites/" + unknown + "/channels")
                .sendJsonObject(new JsonObject().put("channelId", "-1005550002")).await());
        check("detachChannel", 204, admin(HttpMethod.DELETE, "/admin/v1/sites/" + siteId + "/channels/-1005550001")
                .send().await());
        check("detachChannel", 404, admin(HttpMethod.DELETE, "/admin/v1/sites/" + siteId + "/channels/-1005550001")
                .send().await());

        // Telegram attribution (#14): publishable keys, the bot connection, visits, the webhook, stats, track.js
        String tenantSite = tenant.siteId();
        HttpResponse<Buffer> pub = check("createPublishableKey", 201, admin(HttpMethod.POST, "/admin/v1/sites/"
                + tenantSite + "/publishable-keys").sendJsonObject(new JsonObject().put("allowedOrigins",
                new io.vertx.core.json.JsonArray().add("https://shop.example"))).await());
        check("createPublishableKey", 400, admin(HttpMethod.POST, "/admin/v1/sites/" + tenantSite + "/publishable-keys")
                .sendJsonObject(new JsonObject().put("allowedOrigins", "https://shop.example")).await());
        check("createPublishableKey", 404, admin(HttpMethod.POST, "/admin/v1/sites/" + unknown + "/publishable-keys")
                .sendJsonObject(new JsonObject().put("allowedOrigins", new io.vertx.core.json.JsonArray()
                        .add("https://shop.example"))).await());
        String pubKey = pub.bodyAsJsonObject().getString("key");
        JsonObject visitBody = new JsonObject().put("channelId", tenant.channelId()).put("fbclid", "IwAR0contract");
        check("captureVisit", 409, visit(HttpMethod.POST, "/api/v1/visits", pubKey, "https://shop.example")
                .sendJsonObject(visitBody).await());
        // the Meta connection test: accepted (the fake's default), refused, bad code, unknown site
        String metaTest = "/admin/v1/sites/" + tenantSite + "/meta-test";
        JsonObject testCode = new JsonObject().put("testEventCode", "TEST123");
        check("testMetaConnection", 200, admin(HttpMethod.POST, metaTest).sendJsonObject(testCode).await());
        service.meta().enqueue(io.adtarget.meta.testing.FakeGraphReply.metaError(400, 190, 463, false,
                "Error validating access token"));
        check("testMetaConnection", 200, admin(HttpMethod.POST, metaTest).sendJsonObject(testCode).await());
        check("testMetaConnection", 400, admin(HttpMethod.POST, metaTest).sendJsonObject(new JsonObject()).await());
        check("testMetaConnection", 404, admin(HttpMethod.POST, "/admin/v1/sites/" + unknown + "/meta-test")
                .sendJsonObject(testCode).await());
        check("connectTelegram", 400, admin(HttpMethod.PUT, "/admin/v1/sites/" + tenantSite + "/telegram")
                .sendJsonObject(new JsonObject().put("botToken", "1:AAnotAKnownTokenForTheFake000")).await());
        check("connectTelegram", 404, admin(HttpMethod.PUT, "/admin/v1/sites/" + unknown + "/telegram")
                .sendJsonObject(new JsonObject().put("botToken", BOT.value())).await());
        check("connectTelegram", 200, admin(HttpMethod.PUT, "/admin/v1/sites/" + tenantSite + "/telegram")
                .sendJsonObject(new JsonObject().put("botToken", BOT.value())).await());
        String secret = telegram.webhook(BOT).orElseThrow().secretToken();
        check("preflightVisit", 204, service.request(HttpMethod.OPTIONS, "/api/v1/visits")
                .putHeader("Origin", "https://shop.example").send().await());
        check("preflightVisit", 403, service.request(HttpMethod.OPTIONS, "/api/v1/visits")
                .putHeader("Origin", "https://evil.example").send().await());
        HttpResponse<Buffer> visit = check("captureVisit", 201, visit(HttpMethod.POST, "/api/v1/visits", pubKey,
                "https://shop.example").sendJsonObject(visitBody).await());
        check("captureVisit", 400, visit(HttpMethod.POST, "/api/v1/visits", pubKey, "https://shop.example")
                .sendJsonObject(visitBody.copy().put("fbc", "nope")).await());
        check("captureVisit", 401, visit(HttpMethod.POST, "/api/v1/visits", tenant.apiKey(), "https://shop.example")
                .sendJsonObject(visitBody).await());
        check("captureVisit", 403, visit(HttpMethod.POST, "/api/v1/visits", pubKey, "https://evil.example")
                .sendJsonObject(visitBody).await());
        check("captureVisit", 415, visit(HttpMethod.POST, "/api/v1/visits", pubKey, "https://shop.example")
                .putHeader("Content-Type", "text/plain").sendBuffer(visitBody.toBuffer()).await());
        String visitPath = "/api/v1/visits/" + visit.bodyAsJsonObject().getString("visitId");
        check("preflightVisitUpdate", 204, service.request(HttpMethod.OPTIONS, visitPath + "?key=" + pubKey)
                .putHeader("Origin", "https://shop.example").send().await());
        check("preflightVisitUpdate", 403, service.request(HttpMethod.OPTIONS, visitPath + "?key=" + pubKey)
                .putHeader("Origin", "https://evil.example").send().await());
        check("updateVisit", 200, visit(HttpMethod.PATCH, visitPath, pubKey, "https://shop.example")
                .sendJsonObject(new JsonObject().put("fbp", "fb.1.1700000000000.123456789")).await());
        check("updateVisit", 400, visit(HttpMethod.PATCH, visitPath, pubKey, "https://shop.example")
                .sendJsonObject(new JsonObject().put("fbp", 7)).await());
        check("updateVisit", 404, visit(HttpMethod.PATCH, "/api/v1/visits/" + unknown, pubKey, "https://shop.example")
                .sendJsonObject(new JsonObject().put("fbp", "fb.1.1700000000000.123456789")).await());
        check("updateVisit", 401, visit(HttpMethod.PATCH, visitPath, "atk_pub_unknown", "https://shop.example")
                .sendJsonObject(new JsonObject().put("fbp", "fb.1.1700000000000.123456789")).await());
        check("updateVisit", 403, visit(HttpMethod.PATCH, visitPath, pubKey, "https://evil.example")
                .sendJsonObject(new JsonObject().put("fbp", "fb.1.1700000000000.123456789")).await());
        JsonObject join = TelegramAttributionEndToEndTest.memberUpdate(1, tenant.channelId(), 4242, "member",
                visit.bodyAsJsonObject().getString("inviteLink"));
        check("telegramWebhook", 200, service.request(HttpMethod.POST, "/webhooks/telegram/" + tenantSite)
                .putHeader("X-Telegram-Bot-Api-Secret-Token", secret).sendJsonObject(join).await());
        check("telegramWebhook", 401, service.request(HttpMethod.POST, "/webhooks/telegram/" + tenantSite)
                .putHeader("X-Telegram-Bot-Api-Secret-Token", "forged").sendJsonObject(join).await());
        check("channelStats", 200, apiKey(HttpMethod.GET, "/api/v1/channels/" + tenant.channelId() + "/stats").send().await());
        check("channelStats", 400, apiKey(HttpMethod.GET, "/api/v1/channels/" + tenant.channelId() + "/stats?from=yesterday")
                .send().await());
        check("channelStats", 401, service.request(HttpMethod.GET, "/api/v1/channels/" + tenant.channelId() + "/stats")
                .send().await());
        check("channelStats", 404, apiKey(HttpMethod.GET, "/api/v1/channels/-100999/stats").send().await());
        HttpResponse<Buffer> script = check("trackScript", 200, service.request(HttpMethod.GET, "/track.js").send().await());
        assertThat(script.getHeader("Content-Type")).startsWith("text/javascript");
        check("revokePublishableKey", 204, admin(HttpMethod.DELETE, "/admin/v1/publishable-keys/"
                + pub.bodyAsJsonObject().getString("id")).send().await());
        check("revokePublishableKey", 404, admin(HttpMethod.DELETE, "/admin/v1/publishable-keys/" + unknown).send().await());
        check("disconnectTelegram", 204, admin(HttpMethod.DELETE, "/admin/v1/sites/" + tenantSite + "/telegram").send().await());
        check("disconnectTelegram", 404, admin(HttpMethod.DELETE, "/admin/v1/sites/" + tenantSite + "/telegram").send().await());

        // the operations endpoints
        check("live", 200, service.request(HttpMethod.GET, "/health/live").send().await());
        check("live", 405, service.request(HttpMethod.POST, "/health/live").send().await());
        check("ready", 200, service.request(HttpMethod.GET, "/health/ready").send().await());
        HttpResponse<Buffer> metrics = check("metrics", 200, service.request(HttpMethod.GET, "/metrics").send().await());
        assertThat(metrics.bodyAsString()).startsWith("# HELP");
        HttpResponse<Buffer> document = check("openApi", 200, service.request(HttpMethod.GET, "/openapi.yaml").send().await());
        assertThat(document.getHeader("Content-Type")).startsWith("application/yaml");
        assertThat(document.bodyAsString(StandardCharsets.UTF_8.name())).startsWith("openapi: 3.1");

        assertThat(violations).isEmpty();
        assertThat(exercised).isEqualTo(contract.operations().stream().map(Operation::getOperationId)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void the_validator_refuses_a_body_or_a_status_the_document_does_not_describe() {
        JsonObject incomplete = new JsonObject().put("conversionId", "00000000-0000-4000-8000-000000000000");
        Map<String, String> headers = Map.of("X-Request-Id", "r1");

        assertThat(refused(ValidatableResponse.create(201, headers, incomplete.toBuffer(), "application/json")))
                .contains("required");
        assertThat(refused(ValidatableResponse.create(418, headers, incomplete.toBuffer(), "application/json")))
                .contains("418");
    }

    private static String refused(ValidatableResponse response) {
        try {
            validator.validate(response, "recordConversion").await();
            return "accepted";
        } catch (RuntimeException e) {
            return e.getMessage() + detail(e);
        }
    }

    private static HttpRequest<Buffer> apiKey(HttpMethod method, String path) {
        return service.request(method, path).putHeader("Authorization", "Bearer " + tenant.apiKey());
    }

    private static HttpRequest<Buffer> visit(HttpMethod method, String path, String key, String origin) {
        return service.request(method, path).putHeader("Authorization", "Bearer " + key).putHeader("Origin", origin);
    }

    private static HttpRequest<Buffer> admin(HttpMethod method, String path) {
        return service.request(method, path).putHeader("Authorization", "Bearer " + RunningService.ADMIN_TOKEN);
    }

    /** Records a violation unless the response has the expected status and validates against the operation. */
    private static HttpResponse<Buffer> check(String operationId, int expectedStatus, HttpResponse<Buffer> response) {
        exercised.add(operationId);
        String what = operationId + " " + response.statusCode() + " " + abbreviated(response.bodyAsString());
        if (response.statusCode() != expectedStatus) {
            violations.add(what + ": expected status " + expectedStatus);
            return response;
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().forEach(header -> headers.put(header.getKey(), header.getValue()));
        Buffer body = response.body() == null ? null : response.body();
        String contentType = response.getHeader("Content-Type");
        Set<String> declared = declaredMediaTypes(operationId, response.statusCode());
        String mediaType = contentType == null ? null : contentType.split(";")[0].trim();
        if (mediaType == null ? !declared.isEmpty() : !declared.contains(mediaType)) {
            violations.add(what + ": Content-Type " + contentType + " where the document declares " + declared);
        }
        try {
            validator.validate(ValidatableResponse.create(response.statusCode(), headers,
                    body == null || body.length() == 0 ? null : body, PROBLEM.equals(mediaType) ? "application/json" : mediaType),
                    operationId).await();
        } catch (RuntimeException e) {
            violations.add(what + ": " + e.getMessage() + detail(e));
        }
        return response;
    }

    /** The media types the original document declares for an operation's status, following a response $ref. */
    private static Set<String> declaredMediaTypes(String operationId, int status) {
        JsonObject operation = contract.operation(operationId) == null ? null
                : original.getJsonObject("paths").getJsonObject(contract.operation(operationId).getOpenAPIPath())
                        .getJsonObject(contract.operation(operationId).getHttpMethod().name().toLowerCase(java.util.Locale.ROOT));
        JsonObject response = operation == null ? null
                : operation.getJsonObject("responses").getJsonObject(Integer.toString(status));
        if (response != null && response.containsKey("$ref")) {
            String name = response.getString("$ref").substring("#/components/responses/".length());
            response = original.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
        }
        JsonObject content = response == null ? null : response.getJsonObject("content");
        return content == null ? Set.of() : content.fieldNames();
    }

    private static String detail(Throwable e) {
        return e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
