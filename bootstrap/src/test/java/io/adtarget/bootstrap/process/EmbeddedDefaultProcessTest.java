package io.adtarget.bootstrap.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.testing.ServiceProcess;
import io.adtarget.meta.testing.FakeGraphApi;
import io.adtarget.meta.testing.FakeGraphReply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's path: no DATABASE_URL, so an embedded PostgreSQL in DATA_DIR and the dev seed;
 * the seed document's request succeeds, SIGTERM drains it, and a second start on the same
 * DATA_DIR still replays it.
 */
class EmbeddedDefaultProcessTest {
    private static final Pattern PORT = Pattern.compile("ready in \\d+ ms on http://localhost:(\\d+)");
    private static final Pattern API_KEY = Pattern.compile("API key: +(atk_live_[0-9A-Za-z]+)");
    private static final JsonObject SEED_REQUEST = new JsonObject().put("telegramUserId", 1234567890L)
            .put("channelId", "-1001234567890").put("eventType", "Purchase").put("value", 49.00).put("currency", "USD");

    @Test
    void the_seed_request_survives_a_sigterm_mid_flight_and_replays_after_a_second_start(@TempDir Path dataDir)
            throws Exception {
        Vertx vertx = Vertx.vertx();
        WebClient client = WebClient.create(vertx);
        FakeGraphApi meta = FakeGraphApi.create(vertx).start().await();
        meta.answerByDefault(FakeGraphReply.accept().after(Duration.ofMillis(800)));
        Map<String, String> env = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "DATA_DIR", dataDir.toString(), "HTTP_HOST", "127.0.0.1", "HTTP_PORT", "0",
                "META_MODE", "live", "META_GRAPH_URL", meta.url(), "META_TIMEOUT", "PT3S");
        try {
            String apiKey;
            HttpResponse<Buffer> first;
            try (ServiceProcess service = ServiceProcess.start(env)) {
                assertThat(service.awaitLine("ready in", 90_000)).as(String.join("\n", service.lines())).isTrue();
                apiKey = find(API_KEY, service);
                assertThat(service.lines()).anyMatch(line -> line.startsWith("curl -i -X POST http://localhost:"));
                Future<HttpResponse<Buffer>> inFlight = post(client, find(PORT, service), apiKey);
                meta.requestsReceived(1).await();
                int exit = service.terminate(60_000);
                first = inFlight.await();
                assertThat(exit).isEqualTo(143);
                assertThat(service.lines()).anyMatch(line -> line.contains("stopped"));
            }
            assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(201);
            assertThat(first.bodyAsJsonObject().getString("status")).isEqualTo("sent");
            assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();

            try (ServiceProcess again = ServiceProcess.start(env)) {
                assertThat(again.awaitLine("ready in", 90_000)).as(String.join("\n", again.lines())).isTrue();
                assertThat(again.lines()).as("no second seed").noneMatch(line -> line.contains("API key:"));
                HttpResponse<Buffer> replay = post(client, find(PORT, again), apiKey).await();

                assertThat(replay.statusCode()).isEqualTo(201);
                assertThat(replay.getHeader("X-Idempotent-Replay")).isEqualTo("true");
                assertThat(replay.body().getBytes()).isEqualTo(first.body().getBytes());
                assertThat(meta.requests()).hasSize(1);
                again.terminate(60_000);
            }
        } finally {
            meta.stop().await();
            client.close();
            vertx.close().await();
        }
    }

    private static Future<HttpResponse<Buffer>> post(WebClient client, String port, String apiKey) {
        return client.post(Integer.parseInt(port), "127.0.0.1", "/api/v1/events/conversion")
                .putHeader("Authorization", "Bearer " + apiKey)
                .putHeader("Idempotency-Key", "order_98765")
                .sendJsonObject(SEED_REQUEST);
    }

    private static String find(Pattern pattern, ServiceProcess service) {
        for (String line : service.lines()) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no line matching " + pattern + " in " + service.lines());
    }
}
