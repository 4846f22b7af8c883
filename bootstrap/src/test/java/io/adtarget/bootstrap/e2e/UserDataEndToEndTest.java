package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.faults.CapturedLogs;
import io.adtarget.bootstrap.testing.Database;
import io.adtarget.domain.shared.Sha256;
import io.adtarget.meta.testing.FakeGraphReply;
import io.adtarget.meta.testing.ReceivedGraphRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #13 end to end: the whole service against the fake Graph API (port 0) on its own database.
 * Meta receives exactly the normalised, hashed user_data; re-deliveries send the same; a revision
 * replaces it; and no clear-text email or phone is in any text of any table, in the logs or in a response.
 */
class UserDataEndToEndTest {
    private static final String EMAIL = " Ann.Lee@Example.COM ";
    private static final String PHONE = "+1 (650) 555-1212";
    private static final String UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)";
    private static final String FBC = "fb.1.1764270000123.IwAR2F4-dbP0l7Mn1IawQQ";
    private static final String FBP = "fb.1.1764270000123.1116446470";
    private static final List<String> CLEAR_TEXT = List.of("ann.lee@example.com", "Ann.Lee@Example.COM",
            "Ann.Lee", "ann.lee", "16505551212", "555-1212", "6505551212", "Bea.Kim@example.org", "bea.kim",
            "4930123456");

    private static RunningService service;
    private static Tenant tenant;
    private static CapturedLogs logs;
    private static final List<HttpResponse<Buffer>> responses = new ArrayList<>();

    @BeforeAll
    static void start() {
        logs = CapturedLogs.capture();
        service = RunningService.start();
        tenant = service.provision("live", true, null, "-1001234567890");
    }

    @AfterAll
    static void stop() {
        service.close();
        logs.close();
    }

    @Test
    void meta_receives_exactly_the_normalised_hashed_user_data_and_the_forwarded_browser_values() {
        HttpResponse<Buffer> response = post(purchase(9001, "order-9001").put("userData", userData(EMAIL, PHONE)),
                "2001:DB8::7");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("sent");
        assertThat(response.bodyAsJsonObject().getJsonArray("userDataFields")).isEqualTo(new JsonArray(List.of(
                "em", "ph", "external_id", "client_ip_address", "client_user_agent", "fbc", "fbp")));
        JsonObject event = lastEventFor("order-9001");
        assertThat(event.getString("action_source")).isEqualTo("chat");
        assertThat(event.getJsonObject("user_data")).isEqualTo(new JsonObject()
                .put("em", new JsonArray().add(Sha256.hex("ann.lee@example.com")))
                .put("ph", new JsonArray().add(Sha256.hex("16505551212")))
                .put("external_id", new JsonArray().add(Sha256.hex("9001")).add(Sha256.hex("crm-42")))
                .put("client_ip_address", "2001:db8::7")
                .put("client_user_agent", UA)
                .put("fbc", FBC)
                .put("fbp", FBP));
    }

    @Test
    void the_retry_worker_redelivers_the_same_user_data_and_a_revision_replaces_it() {
        service.meta().enqueue(FakeGraphReply.metaError(503, 2, null, true, "Service temporarily unavailable"));
        HttpResponse<Buffer> first = post(purchase(9002, "order-9002").put("userData", userData(EMAIL, PHONE)),
                null);
        assertThat(first.bodyAsJsonObject().getString("status")).isEqualTo("failed");
        String conversionId = first.bodyAsJsonObject().getString("conversionId");

        JsonObject conversion = Eventually.until(Duration.ofSeconds(15),
                () -> service.getConversion(tenant.apiKey(), conversionId), c -> "sent".equals(c.getString("status")));
        assertThat(conversion.getInteger("attempts")).isEqualTo(2);
        List<JsonObject> sends = eventsFor("order-9002");
        assertThat(sends).hasSize(2);
        assertThat(sends.get(1).getJsonObject("user_data")).isEqualTo(sends.get(0).getJsonObject("user_data"));
        // no forwarded IP header on this request: the body's clientIpAddress stands
        assertThat(sends.get(0).getJsonObject("user_data").getString("client_ip_address")).isEqualTo("203.0.113.9");

        service.meta().enqueue(FakeGraphReply.metaError(400, 190, null, false, "Invalid OAuth access token"));
        HttpResponse<Buffer> failed = post(purchase(9003, "order-9003").put("userData", userData(EMAIL, PHONE)),
                null);
        assertThat(failed.bodyAsJsonObject().getString("status")).isEqualTo("failed");
        HttpResponse<Buffer> revised = post(purchase(9003, "order-9003").put("actionSource", "website")
                .put("eventSourceUrl", "https://shop.example/thanks")
                .put("userData", new JsonObject().put("email", "Bea.Kim@example.org").put("phone", "+49 30 123456")
                        .put("clientUserAgent", UA)), "10.1.2.3");

        assertThat(revised.statusCode()).isEqualTo(200);
        assertThat(revised.bodyAsJsonObject().getString("conversionId"))
                .isEqualTo(failed.bodyAsJsonObject().getString("conversionId"));
        assertThat(revised.bodyAsJsonObject().getJsonArray("userDataFields"))
                .isEqualTo(new JsonArray(List.of("em", "ph", "client_ip_address", "client_user_agent")));
        JsonObject event = lastEventFor("order-9003");
        assertThat(event.getString("action_source")).isEqualTo("website");
        assertThat(event.getJsonObject("user_data")).isEqualTo(new JsonObject()
                .put("em", new JsonArray().add(Sha256.hex("bea.kim@example.org")))
                .put("ph", new JsonArray().add(Sha256.hex("4930123456")))
                .put("external_id", new JsonArray().add(Sha256.hex("9003")))
                .put("client_ip_address", "10.1.2.3")
                .put("client_user_agent", UA));
    }

    @Test
    void a_bad_user_data_value_is_refused_with_its_field_and_nothing_is_stored_or_sent() {
        int before = service.meta().requests().size();
        long rows = conversionRows();

        HttpResponse<Buffer> response = post(purchase(9004, "order-9004")
                .put("userData", new JsonObject().put("email", "ann.lee.example.com")), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("userData.email");
        assertThat(conversionRows()).isEqualTo(rows);
        assertThat(service.meta().requests()).hasSize(before);
    }

    @Test
    void no_table_no_log_line_and_no_response_holds_a_clear_text_email_or_phone() {
        post(purchase(9005, "order-9005").put("userData", userData(EMAIL, PHONE)), "192.0.2.1");
        post(purchase(9006, "order-9006").put("userData", new JsonObject().put("email", "Bea.Kim@example.org")
                .put("phone", "+49 30 123456")), null);
        HttpResponse<Buffer> list = service.request(HttpMethod.GET, "/api/v1/events/conversion?limit=200")
                .putHeader("Authorization", "Bearer " + tenant.apiKey()).send().await();
        responses.add(list);

        List<String> text = new ArrayList<>();
        for (String table : Database.tables(service.databaseUrl())) {
            text.addAll(Database.rowsAsText(service.databaseUrl(), table));
        }
        assertThat(String.join("\n", text)).contains(Sha256.hex("ann.lee@example.com"));
        for (String clearText : CLEAR_TEXT) {
            assertThat(text).as("database rows").noneMatch(row -> row.toLowerCase().contains(clearText.toLowerCase()));
            assertThat(logs.lines()).as("log lines").noneMatch(line -> line.toLowerCase()
                    .contains(clearText.toLowerCase()));
            assertThat(responses).as("responses").noneMatch(r -> r.bodyAsString().toLowerCase()
                    .contains(clearText.toLowerCase()));
        }
        JsonArray coverage = list.bodyAsJsonObject().getJsonArray("coverage");
        assertThat(coverage.getJsonObject(0).getString("siteId")).isEqualTo(tenant.siteId());
        assertThat(coverage.getJsonObject(0).getDouble("emailOrPhone")).isGreaterThan(0.0);
        String metrics = service.request(HttpMethod.GET, "/metrics").send().await().bodyAsString();
        assertThat(metrics)
                .containsPattern("adtarget_match_conversions_total\\{site=\"" + tenant.siteId() + "\"\\} [1-9]")
                .containsPattern("adtarget_match_signal_total\\{signal=\"em_ph\",site=\"" + tenant.siteId()
                        + "\"\\} [1-9]");
    }

    private static JsonObject purchase(long telegramUserId, String eventId) {
        return tenant.purchase(telegramUserId).put("eventId", eventId);
    }

    private static JsonObject userData(String email, String phone) {
        return new JsonObject().put("email", email).put("phone", phone).put("externalId", "crm-42")
                .put("clientIpAddress", "203.0.113.9").put("fbc", FBC).put("fbp", FBP);
    }

    /** POSTs with the browser's user agent forwarded, and its IP when given (else the body's stands). */
    private static HttpResponse<Buffer> post(JsonObject body, String forwardedIp) {
        var request = service.request(HttpMethod.POST, "/api/v1/events/conversion")
                .putHeader("Authorization", "Bearer " + tenant.apiKey())
                .putHeader("X-Adtarget-Client-User-Agent", UA);
        if (forwardedIp != null) {
            request.putHeader("X-Adtarget-Client-IP", forwardedIp);
        }
        if (!body.containsKey("userData")) {
            body.put("userData", new JsonObject());
        }
        HttpResponse<Buffer> response = request.sendJsonObject(body).await();
        responses.add(response);
        return response;
    }

    private static List<JsonObject> eventsFor(String eventId) {
        List<JsonObject> events = new ArrayList<>();
        for (ReceivedGraphRequest request : service.meta().requests()) {
            if (request.json() != null) {
                JsonObject event = request.json().getJsonArray("data").getJsonObject(0);
                if (eventId.equals(event.getString("event_id"))) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    private static JsonObject lastEventFor(String eventId) {
        List<JsonObject> events = eventsFor(eventId);
        assertThat(events).isNotEmpty();
        return events.get(events.size() - 1);
    }

    private static long conversionRows() {
        return Database.statusCounts(service.databaseUrl()).values().stream().mapToLong(Long::longValue).sum();
    }
}
