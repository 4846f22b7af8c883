package io.adtarget.bootstrap.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.e2e.RunningService;
import io.adtarget.bootstrap.testing.ServiceProcess;
import io.adtarget.meta.testing.FakeGraphApi;
import io.adtarget.meta.testing.FakeGraphReply;
import io.adtarget.persistence.testing.TestPostgres;
import io.adtarget.persistence.testing.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The service as an operator runs it: environment in, one line on bad config, JSON logs, SIGTERM drains. */
class MainProcessTest {
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

    private static Map<String, String> baseEnv(String graphUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("DATABASE_URL", TestPostgres.freshDatabase(false));
        env.put("REDIS_URL", TestRedis.url());
        env.put("SECRETS_KEY", RunningService.SECRETS_KEY);
        env.put("RATE_LIMIT_PER_SECOND", "1000000");
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", "0");
        env.put("ADMIN_TOKEN", RunningService.ADMIN_TOKEN);
        env.put("META_MODE", graphUrl == null ? "dry-run" : "live");
        if (graphUrl != null) {
            env.put("META_GRAPH_URL", graphUrl);
        }
        return env;
    }

    private static int port(ServiceProcess service) {
        for (String line : service.lines()) {
            String text = line.startsWith("{") ? new JsonObject(line).getString("message", "") : line;
            Matcher ready = READY.matcher(text);
            if (ready.find()) {
                return Integer.parseInt(ready.group(1));
            }
        }
        throw new AssertionError("no ready line in " + service.lines());
    }

    @Test
    void a_bad_variable_stops_start_up_with_one_line_naming_it_and_exit_code_2() throws Exception {
        Map<String, String> env = baseEnv(null);
        env.put("IDEMPOTENCY_LEASE", "thirty seconds");
        try (ServiceProcess service = ServiceProcess.start(env)) {
            int exit = service.waitFor(30_000);

            assertThat(exit).isEqualTo(2);
            assertThat(service.lines()).hasSize(1);
            assertThat(service.lines().get(0))
                    .startsWith("adtarget: configuration error: IDEMPOTENCY_LEASE: must be a positive ISO-8601 duration");
        }
    }

    @Test
    void a_port_in_use_stops_start_up_with_exit_code_1_and_says_so() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Map<String, String> env = baseEnv(null);
            env.put("HTTP_PORT", Integer.toString(taken.getLocalPort()));
            try (ServiceProcess service = ServiceProcess.start(env)) {
                int exit = service.waitFor(60_000);

                assertThat(exit).as(String.join("\n", service.lines())).isEqualTo(1);
                assertThat(service.lines()).anyMatch(line -> line.contains("start-up failed")
                        && line.contains("already in use"));
            }
        }
    }

    @Test
    void with_json_logs_every_line_is_a_json_object_and_sigterm_drains_an_in_flight_request() throws Exception {
        FakeGraphApi meta = FakeGraphApi.create(vertx).start().await();
        meta.answerByDefault(FakeGraphReply.accept().after(Duration.ofMillis(800)));
        Map<String, String> env = baseEnv(meta.url());
        env.put("LOG_FORMAT", "json");
        env.put("META_TIMEOUT", "PT3S");
        try (ServiceProcess service = ServiceProcess.start(env)) {
            assertThat(service.awaitLine("ready in", 60_000)).as("service became ready").isTrue();
            int port = port(service);
            String apiKey = provision(port);

            Future<HttpResponse<Buffer>> inFlight = client.post(port, "127.0.0.1", "/api/v1/events/conversion")
                    .putHeader("Authorization", "Bearer " + apiKey)
                    .sendJsonObject(new JsonObject().put("telegramUserId", 99).put("channelId", "-1001234567890")
                            .put("eventType", "Subscribe"));
            meta.requestsReceived(1).await();
            int exit = service.terminate(30_000);
            HttpResponse<Buffer> answered = inFlight.await();

            assertThat(answered.statusCode()).as("the in-flight request finished during the drain").isEqualTo(201);
            assertThat(answered.bodyAsJsonObject().getString("status")).isEqualTo("sent");
            assertThat(exit).isEqualTo(143);
            List<String> lines = service.lines();
            assertThat(lines).as(String.join("\n", lines)).anyMatch(line -> line.contains("\"stopped\""));
            for (String line : lines) {
                assertThat(new JsonObject(line).getString("level")).as(line).isNotBlank();
            }
            assertThat(lines).anyMatch(line -> line.contains("persistence=postgres(") && line.contains("lock=redis("));
            assertThat(lines).noneMatch(line -> line.contains(apiKey));
        } finally {
            meta.stop().await();
        }
    }

    private static String provision(int port) {
        String account = admin(port, "/admin/v1/accounts", new JsonObject().put("name", "Proc")).getString("id");
        String key = admin(port, "/admin/v1/accounts/" + account + "/api-keys",
                new JsonObject().put("name", "k").put("mode", "live")).getString("key");
        String site = admin(port, "/admin/v1/accounts/" + account + "/sites", new JsonObject().put("name", "s")
                .put("metaPixelId", "1234567").put("metaAccessToken", "EAAprocess")).getString("id");
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
