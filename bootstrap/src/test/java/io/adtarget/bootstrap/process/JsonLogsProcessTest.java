package io.adtarget.bootstrap.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.e2e.RunningService;
import io.adtarget.bootstrap.testing.ServiceProcess;
import io.adtarget.meta.testing.FakeGraphApi;
import io.adtarget.persistence.testing.TestPostgres;
import io.adtarget.persistence.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LOG_FORMAT=json as a log shipper reads it: the process's stdout, line by line, each a JSON
 * object with an ISO-8601 {@code @timestamp}, a level and a message; request lines with typed
 * fields; the Meta attempt line with the request's id; the dev seed's secrets on stderr only.
 */
class JsonLogsProcessTest {
    private static final Pattern READY = Pattern.compile("ready in \\d+ ms on http://localhost:(\\d+)");
    private static Vertx vertx;
    private static WebClient client;

    @BeforeAll
    static void client() {
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
    }

    @AfterAll
    static void close() {
        client.close();
        vertx.close().await();
    }

    @Test
    void every_stdout_line_is_a_json_object_with_typed_request_fields_and_the_seed_banner_goes_to_stderr()
            throws Exception {
        FakeGraphApi meta = FakeGraphApi.create(vertx).start().await();
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("DATABASE_URL", TestPostgres.freshDatabase(false));
        env.put("REDIS_URL", TestRedis.url());
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", "0");
        env.put("ADMIN_TOKEN", RunningService.ADMIN_TOKEN);
        env.put("SECRETS_KEY", RunningService.SECRETS_KEY);
        env.put("RATE_LIMIT_PER_SECOND", "1000000");
        env.put("META_MODE", "live");
        env.put("META_GRAPH_URL", meta.url());
        env.put("DEV_SEED", "true");
        env.put("LOG_FORMAT", "json");
        try (ServiceProcess service = ServiceProcess.startSeparatingStderr(env)) {
            assertThat(service.awaitLine("ready in", 60_000)).as(String.join("\n", service.lines())).isTrue();
            int port = port(service.lines());
            String apiKey = provision(port);
            HttpResponse<Buffer> created = client.post(port, "127.0.0.1", "/api/v1/events/conversion")
                    .putHeader("Authorization", "Bearer " + apiKey).putHeader("X-Request-Id", "req-json-1")
                    .sendJsonObject(new JsonObject().put("telegramUserId", 77).put("channelId", "-1001234567890")
                            .put("eventType", "Subscribe")).await();
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(service.awaitLine("\"request_id\":\"req-json-1\"", 10_000)).isTrue();
            assertThat(service.terminate(30_000)).isEqualTo(143);

            List<JsonObject> lines = new ArrayList<>();
            for (String line : service.lines()) {
                lines.add(parse(line));
            }
            JsonObject request = lines.stream().filter(line -> "request".equals(line.getString("message"))
                    && "req-json-1".equals(line.getString("request_id"))).findFirst().orElseThrow();
            assertThat(request.getValue("status")).isEqualTo(201);
            assertThat(request.getValue("latency_ms")).isInstanceOf(Number.class);
            assertThat(request.getString("route")).isEqualTo("/api/v1/events/conversion");
            assertThat(request.getString("api_key_id")).matches("[0-9a-f-]{36}");
            assertThat(lines).as("the Meta attempt line names the request")
                    .anyMatch(line -> line.getString("message").startsWith("meta attempt")
                            && "req-json-1".equals(line.getString("request_id")));
            assertThat(service.lines()).as("no secret of the seed on stdout")
                    .noneMatch(line -> line.contains("atk_live_")).noneMatch(line -> line.contains(apiKey));
            assertThat(service.errorLines()).anyMatch(line -> line.startsWith("API key:  atk_live_"))
                    .anyMatch(line -> line.startsWith("curl -i -X POST http://localhost:" + port));
        } finally {
            meta.stop().await();
        }
    }

    /** One stdout line as a log tool reads it; fails naming the line when it is not what JSON logs promise. */
    private static JsonObject parse(String line) {
        JsonObject object;
        try {
            object = new JsonObject(line);
        } catch (DecodeException e) {
            throw new AssertionError("not a JSON object: " + line, e);
        }
        assertThat(object.getString("level")).as(line).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
        assertThat(object.getString("message")).as(line).isNotNull();
        try {
            OffsetDateTime.parse(object.getString("@timestamp"));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new AssertionError("no ISO-8601 @timestamp: " + line, e);
        }
        return object;
    }

    private static int port(List<String> lines) {
        for (String line : lines) {
            Matcher ready = READY.matcher(parse(line).getString("message"));
            if (ready.find()) {
                return Integer.parseInt(ready.group(1));
            }
        }
        throw new AssertionError("no ready line in " + lines);
    }

    private static String provision(int port) {
        String account = admin(port, "/admin/v1/accounts", new JsonObject().put("name", "Json")).getString("id");
        String key = admin(port, "/admin/v1/accounts/" + account + "/api-keys",
                new JsonObject().put("name", "k").put("mode", "live")).getString("key");
        String site = admin(port, "/admin/v1/accounts/" + account + "/sites", new JsonObject().put("name", "s")
                .put("metaPixelId", "1234567").put("metaAccessToken", "EAAjsonlogs")).getString("id");
        admin(port, "/admin/v1/sites/" + site + "/channels", new JsonObject().put("channelId", "-1001234567890"));
        return key;
    }

    private static JsonObject admin(int port, String path, JsonObject body) {
        HttpResponse<Buffer> response = client.post(port, "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + RunningService.ADMIN_TOKEN).sendJsonObject(body).await();
        assertThat(response.statusCode()).as(path).isEqualTo(201);
        return response.bodyAsJsonObject();
    }
}
