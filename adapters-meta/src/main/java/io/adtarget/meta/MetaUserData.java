package io.adtarget.meta;

import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.userdata.DataProcessingOptions;
import io.adtarget.domain.userdata.HashedField;
import io.adtarget.domain.userdata.UserData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Meta's {@code user_data} and {@code data_processing_options} of one event (meta-capi.md): hashed contact
 * fields as one-element arrays (the SDK's shape), {@code external_id} = the Telegram user's hash and then the
 * client's own, and the browser signals raw.
 */
final class MetaUserData {
    private MetaUserData() {
    }

    static JsonObject of(TelegramUserId telegramUserId, UserData data) {
        JsonObject json = new JsonObject();
        for (HashedField field : HashedField.values()) {
            if (field != HashedField.EXTERNAL_ID && data.hash(field) != null) {
                json.put(field.metaKey(), new JsonArray().add(data.hash(field).value()));
            }
        }
        JsonArray externalIds = new JsonArray().add(telegramUserId.hashedExternalId());
        if (data.hash(HashedField.EXTERNAL_ID) != null) {
            externalIds.add(data.hash(HashedField.EXTERNAL_ID).value());
        }
        json.put("external_id", externalIds);
        data.rawSignals().forEach(json::put);
        return json;
    }

    /** Adds the Limited Data Use keys to an event; nothing when the conversion carries no options. */
    static void addProcessingOptions(JsonObject event, DataProcessingOptions options) {
        if (options == null) {
            return;
        }
        event.put("data_processing_options", new JsonArray(options.options()));
        if (options.limitedDataUse()) {
            event.put("data_processing_options_country", options.country());
            event.put("data_processing_options_state", options.state());
        }
    }

    /**
     * A copy of a request body for a log line: the browser values Meta receives raw (IP, user agent, fbc, fbp)
     * are replaced by {@code <redacted>}; the keys stay, so the line still shows which were sent.
     */
    static JsonObject redactedForLog(JsonObject body) {
        JsonObject copy = body.copy();
        JsonArray data = copy.getJsonArray("data");
        for (int i = 0; data != null && i < data.size(); i++) {
            JsonObject userData = data.getJsonObject(i).getJsonObject("user_data");
            for (String key : RAW_KEYS) {
                if (userData != null && userData.containsKey(key)) {
                    userData.put(key, SafeText.REDACTED);
                }
            }
        }
        return copy;
    }

    private static final String[] RAW_KEYS = {"client_ip_address", "client_user_agent", "fbc", "fbp"};
}
