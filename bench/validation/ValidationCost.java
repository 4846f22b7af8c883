package io.adtarget.http.conversion;

import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.KeyMode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * One-off measurement behind docs/architecture.md "Request validation": the cost per request of
 * the hand-written conversion parser against vertx-openapi's RequestValidator on the same body
 * (the validator alone, before any domain rule). Single thread, after a warm-up; see run.sh.
 */
public final class ValidationCost {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        byte[] body = ("{\"telegramUserId\": 1234567890, \"channelId\": \"-1001234567890\", \"eventType\": \"Purchase\","
                + " \"value\": 49.00, \"currency\": \"USD\", \"eventId\": \"order-98765\","
                + " \"eventSourceUrl\": \"https://shop.example/checkout\", \"customData\": {\"order_id\": \"98765\"}}")
                .getBytes(StandardCharsets.UTF_8);
        ApiPrincipal principal = new ApiPrincipal(new AccountId(UUID.randomUUID()), new ApiKeyId(UUID.randomUUID()),
                KeyMode.LIVE);
        ConversionRequestParser parser = new ConversionRequestParser(Clock.systemUTC());

        Vertx vertx = Vertx.vertx();
        String yaml = new String(ValidationCost.class.getResourceAsStream("/openapi.yaml").readAllBytes(), StandardCharsets.UTF_8);
        JsonObject document = new JsonObject(new org.yaml.snakeyaml.Yaml().<Map<String, Object>>load(yaml));
        document.put("servers", new io.vertx.core.json.JsonArray().add(new JsonObject().put("url", "http://localhost")));
        document.getJsonObject("paths").getJsonObject("/openapi.yaml").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").remove("content");
        document.getJsonObject("components").getJsonObject("responses").forEach(r -> {
            JsonObject content = ((JsonObject) r.getValue()).getJsonObject("content");
            if (content != null && content.containsKey("application/problem+json")) {
                content.put("application/json", content.remove("application/problem+json"));
            }
        });
        RequestValidator validator = RequestValidator.create(vertx, OpenAPIContract.from(vertx, document).await());
        Map<String, RequestParameter> headers = Map.of("Idempotency-Key", new RequestParameterImpl("order_98765"));

        for (int pass = 0; pass < 3; pass++) {
            long sink = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                sink += parser.parse(body, principal).eventType().value().length();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                ValidatableRequestImpl request = new ValidatableRequestImpl(Map.of(), headers, Map.of(), Map.of(),
                        new RequestParameterImpl(Buffer.buffer(body)), "application/json");
                sink += validator.validate(request, "recordConversion").await().getBody().hashCode() & 1;
            }
            long t2 = System.nanoTime();
            System.out.printf("pass %d: hand-written parser %.2f µs/request, vertx-openapi validator %.2f µs/request (%d)%n",
                    pass, (t1 - t0) / 1e3 / rounds, (t2 - t1) / 1e3 / rounds, sink);
        }
        // The same validator on an event loop, as a request handler would call it: one validation after another.
        for (int pass = 0; pass < 3; pass++) {
            io.vertx.core.Promise<Long> done = io.vertx.core.Promise.promise();
            vertx.runOnContext(ignored -> {
                long start = System.nanoTime();
                validateFrom(0, rounds, validator, headers, body, done, start);
            });
            long nanos = done.future().await();
            System.out.printf("pass %d: vertx-openapi validator on the event loop %.2f µs/request%n", pass,
                    nanos / 1e3 / rounds);
        }
        vertx.close().await();
    }

    private static void validateFrom(int i, int rounds, RequestValidator validator, Map<String, RequestParameter> headers,
            byte[] body, io.vertx.core.Promise<Long> done, long start) {
        if (i == rounds) {
            done.complete(System.nanoTime() - start);
            return;
        }
        ValidatableRequestImpl request = new ValidatableRequestImpl(Map.of(), headers, Map.of(), Map.of(),
                new RequestParameterImpl(Buffer.buffer(body)), "application/json");
        validator.validate(request, "recordConversion").onComplete(r -> {
            if (r.failed()) {
                done.fail(r.cause());
            } else {
                validateFrom(i + 1, rounds, validator, headers, body, done, start);
            }
        });
    }
}
