package io.adtarget.meta;

import io.adtarget.domain.conversion.ConversionDetails;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.site.TestEventCode;
import io.adtarget.domain.userdata.MatchData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** The Conversions API request body for one conversion (meta-capi.md, "Request"), shared by both gateways. */
final class MetaPayload {
    static final String PARTNER_AGENT = "adtarget-conversions";

    private MetaPayload() {
    }

    /** {@code {"data":[event], "test_event_code"?, "partner_agent"}}, keys in a stable order. */
    static JsonObject of(ConversionEvent conversion, TestEventCode testEventCode) {
        JsonObject body = new JsonObject().put("data", new JsonArray().add(event(conversion)));
        if (testEventCode != null) {
            body.put("test_event_code", testEventCode.value());
        }
        return body.put("partner_agent", PARTNER_AGENT);
    }

    static JsonObject event(ConversionEvent conversion) {
        ConversionDetails details = conversion.details();
        MatchData match = details.matchData();
        JsonObject event = new JsonObject()
                .put("event_name", conversion.eventType().value())
                .put("event_time", details.eventTime().getEpochSecond())
                .put("event_id", conversion.eventId())
                .put("action_source", match.actionSource().wire());
        if (details.eventSourceUrl() != null) {
            event.put("event_source_url", details.eventSourceUrl());
        }
        event.put("user_data", MetaUserData.of(conversion.telegramUserId(), match.userData()));
        JsonObject customData = customData(details);
        if (!customData.isEmpty()) {
            event.put("custom_data", customData);
        }
        MetaUserData.addProcessingOptions(event, match.dataProcessingOptions());
        return event;
    }

    /** The client's customData, then our value and currency, which win over keys of the same name. */
    private static JsonObject customData(ConversionDetails details) {
        JsonObject custom = new JsonObject();
        details.customData().forEach((key, value) -> custom.put(key, json(value)));
        if (details.value() != null) {
            custom.remove("value");
            custom.remove("currency");
            custom.put("value", details.value().amount());
            custom.put("currency", details.value().currency().getCurrencyCode());
        }
        return custom;
    }

    private static Object json(Object value) {
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            map.forEach((key, nested) -> object.put(String.valueOf(key), json(nested)));
            return object;
        }
        if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(item -> array.add(json(item)));
            return array;
        }
        return value;
    }
}
