package io.adtarget.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.in.RecordConversionCommand;
import io.adtarget.application.port.in.RecordConversionResult;
import io.adtarget.application.port.in.ConversionPage;
import io.adtarget.domain.shared.Sha256;
import io.adtarget.domain.userdata.ActionSource;
import io.adtarget.domain.userdata.DataProcessingOptions;
import io.adtarget.domain.userdata.HashedField;
import io.adtarget.domain.userdata.MatchData;
import io.adtarget.domain.userdata.UserData;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /api/v1/events/conversion with userData: hashed before it reaches the use case, echoed as keys only. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserDataEndpointTest {
    static final String UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)";
    static final String BODY = """
            {"telegramUserId": 42, "channelId": "-100", "eventType": "Lead",
             "userData": {"email": " Ann@Example.com ", "phone": "+1 (650) 555-1212", "externalId": "crm-42",
                          "clientIpAddress": "10.0.0.1", "clientUserAgent": "curl/8",
                          "fbclid": "IwAR2F4-dbP0l7Mn1IawQQ", "fbp": "fb.1.1596403881668.1116446470"}}""";

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
        api.conversions.onRecord = c -> Future.succeededFuture(
                new RecordConversionResult.Created(Conversions.pending(c, TestApi.NOW)));
    }

    @Test
    void contact_data_reaches_the_use_case_only_as_hashes_and_forwarded_headers_win() {
        HttpResponse<Buffer> response = api.postConversion(BODY, Map.of("X-Adtarget-Client-IP", "2001:DB8::1",
                "X-Adtarget-Client-User-Agent", UA));

        assertThat(response.statusCode()).isEqualTo(201);
        RecordConversionCommand command = api.conversions.recorded.get(0);
        UserData data = command.matchData().userData();
        assertThat(data.hash(HashedField.EMAIL).value()).isEqualTo(Sha256.hex("ann@example.com"));
        assertThat(data.hash(HashedField.PHONE).value()).isEqualTo(Sha256.hex("16505551212"));
        assertThat(data.hash(HashedField.EXTERNAL_ID).value()).isEqualTo(Sha256.hex("crm-42"));
        assertThat(data.clientIpAddress().value()).isEqualTo("2001:db8::1");
        assertThat(data.clientUserAgent().value()).isEqualTo(UA);
        assertThat(data.fbc().value()).isEqualTo("fb.1." + TestApi.NOW.toEpochMilli() + ".IwAR2F4-dbP0l7Mn1IawQQ");
        assertThat(command.matchData().actionSource()).isEqualTo(ActionSource.CHAT);
        assertThat(command.matchData().dataProcessingOptions()).isNull();
        assertThat(command.toString()).doesNotContain("Ann@Example", "ann@example", "650");
    }

    @Test
    void the_response_lists_the_filled_meta_keys_and_never_a_value() {
        HttpResponse<Buffer> response = api.postConversion(BODY);

        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getJsonArray("userDataFields")).isEqualTo(new JsonArray(List.of("em", "ph", "external_id",
                "client_ip_address", "client_user_agent", "fbc", "fbp")));
        assertThat(body.getString("actionSource")).isEqualTo("chat");
        assertThat(response.bodyAsString()).doesNotContain("Example.com", "example.com", "5551212", "curl/8",
                "10.0.0.1", Sha256.hex("ann@example.com"));
    }

    @Test
    void a_website_conversion_with_url_user_agent_and_ldu_is_accepted() {
        api.postConversion("""
                {"telegramUserId": 42, "channelId": "-100", "eventType": "Lead", "actionSource": "website",
                 "eventSourceUrl": "https://shop.example/thanks", "dataProcessingOptions": ["LDU"],
                 "dataProcessingOptionsCountry": 1, "dataProcessingOptionsState": 1000}""",
                Map.of("X-Adtarget-Client-User-Agent", UA));

        MatchData match = api.conversions.recorded.get(0).matchData();
        assertThat(match.actionSource()).isEqualTo(ActionSource.WEBSITE);
        assertThat(match.dataProcessingOptions()).isEqualTo(new DataProcessingOptions(true, 1, 1000));
    }

    @Test
    void every_bad_user_data_field_is_named_in_one_400_and_nothing_is_recorded() {
        HttpResponse<Buffer> response = api.postConversion("""
                {"telegramUserId": 42, "channelId": "-100", "eventType": "Lead",
                 "userData": {"email": "ann.example.com", "clientIpAddress": "999.1.1.1", "fbc": "fbc",
                              "gender": "x"}}""");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject problem = response.bodyAsJsonObject();
        assertThat(problem.getString("code")).isEqualTo("validation-failed");
        assertThat(problem.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
                .containsExactly("userData.email", "userData.gender", "userData.clientIpAddress", "userData.fbc");
        assertThat(response.bodyAsString()).doesNotContain("ann.example.com", "999.1.1.1");
        assertThat(api.conversions.recorded).isEmpty();
    }

    @Test
    void an_event_time_in_milliseconds_is_read_as_milliseconds() {
        long millis = TestApi.NOW.toEpochMilli() - 60_000;
        api.postConversion("""
                {"telegramUserId": 42, "channelId": "-100", "eventType": "Lead", "eventTime": %d}""".formatted(millis));

        assertThat(api.conversions.recorded.get(0).eventTime().toEpochMilli()).isEqualTo(millis);
    }

    @Test
    void the_list_reports_match_signal_coverage_per_site_of_the_page() {
        api.postConversion(BODY);
        api.postConversion("{\"telegramUserId\": 43, \"channelId\": \"-100\", \"eventType\": \"Lead\"}");
        var stored = api.conversions.recorded.stream().map(c -> Conversions.pending(c, TestApi.NOW)).toList();
        api.conversions.onList = q -> Future.succeededFuture(new ConversionPage(stored, null));

        JsonObject body = api.get("/api/v1/events/conversion", TestApi.LIVE_KEY).bodyAsJsonObject();

        assertThat(body.getJsonArray("coverage")).isEqualTo(new JsonArray().add(new JsonObject()
                .put("siteId", Conversions.SITE.toString()).put("conversions", 2).put("fbc", 0.5).put("fbp", 0.5)
                .put("ipAndUserAgent", 0.5).put("emailOrPhone", 0.5)));
        assertThat(body.getJsonArray("items").getJsonObject(1).getJsonArray("userDataFields")).isEmpty();
    }
}
