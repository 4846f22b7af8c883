package io.adtarget.meta;

import static io.adtarget.meta.TestConversions.EVENT_TIME;
import static io.adtarget.meta.TestConversions.HASHED_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.facebook.ads.sdk.APIContext;
import com.facebook.ads.sdk.serverside.ActionSource;
import com.facebook.ads.sdk.serverside.CustomData;
import com.facebook.ads.sdk.serverside.Event;
import com.facebook.ads.sdk.serverside.EventRequest;
import com.facebook.ads.sdk.serverside.UserData;
import io.adtarget.domain.conversion.ClientEventId;
import io.adtarget.domain.conversion.ConversionDetails;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.site.TestEventCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our payload against the one Meta's official Java SDK builds for the same event (the oracle). */
class MetaPayloadOracleTest {

    @Test
    void a_typical_purchase_agrees_with_the_sdk_on_every_field() {
        ConversionEvent ours = TestConversions.purchase();
        Event sdk = sdkEvent("Purchase", TestConversions.CONVERSION_ID, null)
                .customData(new CustomData().value(49.99f).currency("USD"));

        assertAgree(ours, null, sdkRequest(sdk));
    }

    @Test
    void custom_data_and_the_source_url_agree_with_the_sdk() {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("order_id", "o-1001");
        custom.put("campaign", "spring");
        custom.put("bot", "shop_bot");
        ConversionEvent ours = TestConversions.conversion(KeyMode.LIVE, new EventType("Subscribe"),
                new ClientEventId("order-1001"), new ConversionDetails(TestConversions.usd("9.5"), EVENT_TIME,
                        "https://t.me/shop_bot?start=ad42", custom));
        HashMap<String, String> properties = new HashMap<>(Map.of("campaign", "spring", "bot", "shop_bot"));
        Event sdk = sdkEvent("Subscribe", "order-1001", "https://t.me/shop_bot?start=ad42")
                .customData(new CustomData().value(9.5f).currency("USD").orderId("o-1001")
                        .customProperties(properties));

        assertAgree(ours, null, sdkRequest(sdk));
    }

    @Test
    void a_test_key_conversion_agrees_with_the_sdk_including_test_event_code_and_partner_agent() {
        ConversionEvent ours = TestConversions.conversion(KeyMode.TEST, new EventType("Lead"), null,
                new ConversionDetails(null, EVENT_TIME, null, Map.of()));
        EventRequest sdk = sdkRequest(sdkEvent("Lead", TestConversions.CONVERSION_ID, null))
                .testEventCode("TEST12345");

        assertAgree(ours, new TestEventCode("TEST12345"), sdk);
    }

    private static void assertAgree(ConversionEvent conversion, TestEventCode code, EventRequest sdk) {
        JsonObject ours = new JsonObject(MetaPayload.of(conversion, code).encode());
        JsonObject oursEvent = ours.getJsonArray("data").getJsonObject(0);
        JsonObject sdkEvent = new JsonArray(sdk.getSerializedPayload()).getJsonObject(0);

        assertThat(oursEvent.fieldNames()).containsExactlyInAnyOrderElementsOf(sdkEvent.fieldNames());
        assertSame("data[0]", oursEvent, sdkEvent);
        assertThat(ours.getString("test_event_code")).isEqualTo(sdk.getTestEventCode());
        assertThat(ours.getString("partner_agent")).isEqualTo(sdk.getPartnerAgent());
    }

    /**
     * Equal JSON, numbers compared as the SDK holds them (a Float for value, a Long for event_time).
     * The one known difference: the SDK lower-cases currency ("usd"), meta-capi.md sends the ISO code
     * as stored ("USD"); Meta reads either, so currency is compared ignoring case.
     */
    private static void assertSame(String path, Object ours, Object sdk) {
        if (path.endsWith(".custom_data.currency")) {
            assertThat((String) ours).as(path).isEqualToIgnoringCase((String) sdk);
        } else if (sdk instanceof JsonObject sdkObject) {
            assertThat(ours).as(path).isInstanceOf(JsonObject.class);
            JsonObject oursObject = (JsonObject) ours;
            assertThat(oursObject.fieldNames()).as(path).containsExactlyInAnyOrderElementsOf(sdkObject.fieldNames());
            sdkObject.fieldNames().forEach(key -> assertSame(path + "." + key, oursObject.getValue(key),
                    sdkObject.getValue(key)));
        } else if (sdk instanceof JsonArray sdkArray) {
            assertThat(ours).as(path).isInstanceOf(JsonArray.class);
            assertThat(((JsonArray) ours).size()).as(path).isEqualTo(sdkArray.size());
            for (int i = 0; i < sdkArray.size(); i++) {
                assertSame(path + "[" + i + "]", ((JsonArray) ours).getValue(i), sdkArray.getValue(i));
            }
        } else if (sdk instanceof Double || sdk instanceof Float) {
            assertThat(((Number) ours).floatValue()).as(path).isEqualTo(((Number) sdk).floatValue());
        } else if (sdk instanceof Number number) {
            assertThat(ours).as(path).isInstanceOf(Number.class);
            assertThat(((Number) ours).longValue()).as(path).isEqualTo(number.longValue());
        } else {
            assertThat(ours).as(path).isEqualTo(sdk);
        }
    }

    private static Event sdkEvent(String name, String eventId, String sourceUrl) {
        Event event = new Event().eventName(name).eventTime(EVENT_TIME.getEpochSecond()).eventId(eventId)
                .actionSource(ActionSource.chat)
                // The SDK hashes email, phone and names itself but passes external_id through as given.
                .userData(new UserData().externalIds(List.of(HASHED_USER)));
        return sourceUrl == null ? event : event.eventSourceUrl(sourceUrl);
    }

    private static EventRequest sdkRequest(Event event) {
        return new EventRequest(TestConversions.PIXEL, new APIContext("not-a-real-token"))
                .addDataItem(event).partnerAgent(MetaPayload.PARTNER_AGENT);
    }
}
