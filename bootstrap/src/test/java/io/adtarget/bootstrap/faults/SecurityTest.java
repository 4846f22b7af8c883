package io.adtarget.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.e2e.RunningService;
import io.adtarget.bootstrap.e2e.Tenant;
import io.adtarget.bootstrap.testing.Database;
import io.adtarget.bootstrap.testing.Figures;
import io.adtarget.meta.testing.FakeGraphReply;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Scenario 7 of issue 8: tenants cannot see each other, credentials do not cross between the public
 * and the admin API, an unknown and a revoked key look the same, and no secret (API key, admin
 * token, Meta access token) appears in a log line, an answer, the metrics or — for keys — the database.
 */
class SecurityTest {
    private final List<String> answers = new ArrayList<>();

    @Test
    void tenants_are_isolated_credentials_do_not_cross_and_no_secret_leaks_anywhere() throws Exception {
        try (CapturedLogs logs = CapturedLogs.capture(); RunningService service = RunningService.start()) {
            Tenant a = service.provision("live", true, null, "-1001111111111");
            Tenant b = service.provision("live", true, null, "-1002222222222");
            JsonObject revokedKey = service.admin(HttpMethod.POST, "/admin/v1/accounts/" + a.accountId() + "/api-keys",
                    new JsonObject().put("name", "old").put("mode", "live"), 201);
            service.admin(HttpMethod.DELETE, "/admin/v1/api-keys/" + revokedKey.getString("id"), null, 204);
            String revoked = revokedKey.getString("key");
            String unknown = "atk_live_" + "Z".repeat(20) + UUID.randomUUID().toString().replace("-", "");
            String rotatedToken = "EAArotated" + UUID.randomUUID().toString().replace("-", "");
            String malformedToken = "EAAbad token " + UUID.randomUUID();
            Map<String, String> secrets = new LinkedHashMap<>();
            secrets.put("api key A", a.apiKey());
            secrets.put("api key B", b.apiKey());
            secrets.put("revoked api key", revoked);
            secrets.put("admin token", RunningService.ADMIN_TOKEN);
            secrets.put("meta token A", a.accessToken());
            secrets.put("meta token B", b.accessToken());
            secrets.put("rotated meta token", rotatedToken);
            secrets.put("malformed meta token", malformedToken);

            // Traffic through the paths that log: deliveries, a Meta auth failure, validation errors.
            HttpResponse<Buffer> ofA = call(service.request(HttpMethod.POST, "/api/v1/events/conversion")
                    .putHeader("Authorization", "Bearer " + a.apiKey()).putHeader("Idempotency-Key", "shared-key"),
                    a.purchase(1L));
            assertThat(ofA.statusCode()).isEqualTo(201);
            String idOfA = ofA.bodyAsJsonObject().getString("conversionId");
            service.meta().enqueue(FakeGraphReply.metaError(400, 190, null, false, "Invalid OAuth access token"));
            HttpResponse<Buffer> rejected = call(service.request(HttpMethod.POST, "/api/v1/events/conversion")
                    .putHeader("Authorization", "Bearer " + a.apiKey()), a.purchase(2L));
            assertThat(rejected.bodyAsJsonObject().getString("status")).isEqualTo("failed");
            call(service.request(HttpMethod.PATCH, "/admin/v1/sites/" + a.siteId())
                    .putHeader("Authorization", "Bearer " + RunningService.ADMIN_TOKEN),
                    new JsonObject().put("metaAccessToken", rotatedToken));
            HttpResponse<Buffer> badToken = call(service.request(HttpMethod.PATCH, "/admin/v1/sites/" + b.siteId())
                    .putHeader("Authorization", "Bearer " + RunningService.ADMIN_TOKEN),
                    new JsonObject().put("metaAccessToken", malformedToken).put("metaPixelId", "x"));
            assertThat(badToken.statusCode()).isEqualTo(400);
            call(service.request(HttpMethod.POST, "/api/v1/events/conversion")
                    .putHeader("Authorization", "Bearer " + a.apiKey()), a.purchase(3L).put("value", -1));

            // Cross-tenant: by id, by listing (also filtered on A's channel and user), by channel, by key.
            HttpResponse<Buffer> byId = call(service.request(HttpMethod.GET, "/api/v1/events/conversion/" + idOfA)
                    .putHeader("Authorization", "Bearer " + b.apiKey()), null);
            assertThat(byId.statusCode()).isEqualTo(404);
            assertThat(byId.bodyAsJsonObject().getString("code")).isEqualTo("not-found");
            for (String query : List.of("", "?channelId=" + a.channelId(), "?telegramUserId=1", "?status=sent",
                    "?eventType=Purchase&limit=200")) {
                HttpResponse<Buffer> list = call(service.request(HttpMethod.GET, "/api/v1/events/conversion" + query)
                        .putHeader("Authorization", "Bearer " + b.apiKey()), null);
                assertThat(list.statusCode()).isEqualTo(200);
                assertThat(list.bodyAsJsonObject().getJsonArray("items")).as("B's listing %s", query).isEmpty();
            }
            HttpResponse<Buffer> onChannelOfA = call(service.request(HttpMethod.POST, "/api/v1/events/conversion")
                    .putHeader("Authorization", "Bearer " + b.apiKey()), a.purchase(1L));
            assertThat(onChannelOfA.statusCode()).isEqualTo(404);
            assertThat(onChannelOfA.bodyAsJsonObject().getString("code")).isEqualTo("channel-not-found");
            HttpResponse<Buffer> sameKey = call(service.request(HttpMethod.POST, "/api/v1/events/conversion")
                    .putHeader("Authorization", "Bearer " + b.apiKey()).putHeader("Idempotency-Key", "shared-key"),
                    b.purchase(1L));
            assertThat(sameKey.statusCode()).isEqualTo(201);
            assertThat(sameKey.getHeader("X-Idempotent-Replay")).isNull();
            assertThat(sameKey.bodyAsJsonObject().getString("conversionId")).isNotEqualTo(idOfA);
            HttpResponse<Buffer> listOfA = call(service.request(HttpMethod.GET, "/api/v1/events/conversion?limit=200")
                    .putHeader("Authorization", "Bearer " + a.apiKey()), null);
            assertThat(listOfA.bodyAsJsonObject().getJsonArray("items").stream()
                    .map(item -> ((JsonObject) item).getString("siteId"))).containsOnly(a.siteId());

            // Credentials do not cross: API keys on every admin endpoint, the admin token on every public one.
            for (String[] endpoint : adminEndpoints(a)) {
                for (String key : List.of(a.apiKey(), b.apiKey())) {
                    HttpResponse<Buffer> answer = call(service.request(HttpMethod.valueOf(endpoint[0]), endpoint[1])
                            .putHeader("Authorization", "Bearer " + key), endpoint[0].equals("POST")
                                    || endpoint[0].equals("PATCH") ? new JsonObject(endpoint[2]) : null);
                    assertThat(answer.statusCode()).as("%s %s with an API key", endpoint[0], endpoint[1]).isEqualTo(401);
                }
            }
            for (String[] endpoint : publicEndpoints(idOfA)) {
                HttpResponse<Buffer> answer = call(service.request(HttpMethod.valueOf(endpoint[0]), endpoint[1])
                        .putHeader("Authorization", "Bearer " + RunningService.ADMIN_TOKEN),
                        endpoint[0].equals("POST") ? a.purchase(9L) : null);
                assertThat(answer.statusCode()).as("%s %s with the admin token", endpoint[0], endpoint[1]).isEqualTo(401);
            }

            // An unknown and a revoked key: the same answer, byte for byte, given the same request id.
            for (String[] endpoint : publicEndpoints(idOfA)) {
                String requestId = "same-" + UUID.randomUUID();
                List<Object> seen = new ArrayList<>();
                for (String key : List.of(unknown, revoked)) {
                    HttpResponse<Buffer> answer = call(service.request(HttpMethod.valueOf(endpoint[0]), endpoint[1])
                            .putHeader("Authorization", "Bearer " + key).putHeader("X-Request-Id", requestId),
                            endpoint[0].equals("POST") ? a.purchase(10L) : null);
                    Map<String, List<String>> headers = new TreeMap<>();
                    answer.headers().names().forEach(name -> headers.put(name.toLowerCase(), answer.headers().getAll(name)));
                    seen.add(List.of(answer.statusCode(), headers, answer.bodyAsString()));
                }
                assertThat(seen.get(0)).as("unknown vs revoked key on %s %s", endpoint[0], endpoint[1]).isEqualTo(seen.get(1));
                assertThat(((List<?>) seen.get(0)).get(0)).isEqualTo(401);
            }

            String metrics = call(service.request(HttpMethod.GET, "/metrics"), null).bodyAsString();
            assertThat(metrics).contains("adtarget_http_requests_total");
            List<String> logLines = logs.lines();
            assertThat(logLines).as("captured log lines").isNotEmpty();
            for (Map.Entry<String, String> secret : secrets.entrySet()) {
                assertThat(logLines.stream().filter(line -> line.contains(secret.getValue())).toList())
                        .as("log lines containing the %s", secret.getKey()).isEmpty();
                assertThat(answers.stream().filter(body -> body.contains(secret.getValue())).toList())
                        .as("answers containing the %s", secret.getKey()).isEmpty();
                assertThat(metrics).as("metrics").doesNotContain(secret.getValue());
            }

            // Only hashes of keys in the database: no key (nor the admin token) in any row of any table.
            List<String> rows = new ArrayList<>();
            for (String table : Database.tables(service.databaseUrl())) {
                rows.addAll(Database.rowsAsText(service.databaseUrl(), table));
            }
            for (String key : List.of(a.apiKey(), b.apiKey(), revoked, RunningService.ADMIN_TOKEN)) {
                assertThat(rows.stream().filter(row -> row.contains(key)).toList()).as("rows holding a secret").isEmpty();
            }
            String apiKeyRows = String.join("\n", Database.rowsAsText(service.databaseUrl(), "api_keys"));
            for (String key : List.of(a.apiKey(), b.apiKey(), revoked)) {
                assertThat(apiKeyRows).as("api_keys holds the key's SHA-256").containsIgnoringCase(sha256(key));
            }
            Figures.duringFault("7 security", answers.size() + " requests over 2 tenants + admin", "cross-tenant, crossed credentials, "
                    + "revoked vs unknown key, Meta 190", 0, 0, 0, 0, 0).publish();
            System.out.println("secret scan: " + logLines.size() + " log lines, " + answers.size() + " answers, "
                    + metrics.length() + " bytes of metrics, " + rows.size() + " database rows; " + secrets.size() + " secrets");
        }
    }

    private HttpResponse<Buffer> call(HttpRequest<Buffer> request, JsonObject body) {
        HttpResponse<Buffer> response = body == null ? request.send().await() : request.sendJsonObject(body).await();
        answers.add(response.headers().toString() + "\n" + (response.body() == null ? "" : response.bodyAsString()));
        return response;
    }

    private static List<String[]> publicEndpoints(String conversionId) {
        return List.of(new String[] {"POST", "/api/v1/events/conversion"},
                new String[] {"GET", "/api/v1/events/conversion"},
                new String[] {"GET", "/api/v1/events/conversion/" + conversionId});
    }

    private static List<String[]> adminEndpoints(Tenant t) {
        return List.of(new String[] {"POST", "/admin/v1/accounts", "{\"name\":\"x\"}"},
                new String[] {"GET", "/admin/v1/accounts/" + t.accountId(), null},
                new String[] {"POST", "/admin/v1/accounts/" + t.accountId() + "/api-keys", "{\"name\":\"k\",\"mode\":\"live\"}"},
                new String[] {"DELETE", "/admin/v1/api-keys/" + t.apiKeyId(), null},
                new String[] {"POST", "/admin/v1/accounts/" + t.accountId() + "/sites", "{\"name\":\"s\"}"},
                new String[] {"GET", "/admin/v1/sites/" + t.siteId(), null},
                new String[] {"PATCH", "/admin/v1/sites/" + t.siteId(), "{\"name\":\"n\"}"},
                new String[] {"POST", "/admin/v1/sites/" + t.siteId() + "/channels", "{\"channelId\":\"-1003333\"}"},
                new String[] {"DELETE", "/admin/v1/sites/" + t.siteId() + "/channels/" + t.channelId(), null});
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
