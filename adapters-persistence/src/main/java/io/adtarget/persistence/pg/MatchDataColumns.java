package io.adtarget.persistence.pg;

import io.adtarget.domain.userdata.ActionSource;
import io.adtarget.domain.userdata.ClientIpAddress;
import io.adtarget.domain.userdata.ClientUserAgent;
import io.adtarget.domain.userdata.DataProcessingOptions;
import io.adtarget.domain.userdata.FacebookBrowserId;
import io.adtarget.domain.userdata.FacebookClickId;
import io.adtarget.domain.userdata.HashedField;
import io.adtarget.domain.userdata.MatchData;
import io.adtarget.domain.userdata.Sha256Hex;
import io.adtarget.domain.userdata.UserData;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.Map;

/**
 * The columns {@code user_data}, {@code action_source}, {@code data_processing_options} (V3) of a conversion.
 * {@code user_data} holds Meta's keys: hashed contact fields as their digests, browser signals raw.
 */
final class MatchDataColumns {
    private MatchDataColumns() {
    }

    static JsonObject userData(UserData data) {
        JsonObject json = new JsonObject();
        data.hashes().forEach((field, hash) -> json.put(field.metaKey(), hash.value()));
        data.rawSignals().forEach(json::put);
        return json;
    }

    static String actionSource(MatchData data) {
        return data.actionSource().wire();
    }

    static JsonObject processingOptions(DataProcessingOptions options) {
        if (options == null) {
            return null;
        }
        JsonObject json = new JsonObject().put("ldu", options.limitedDataUse());
        if (options.limitedDataUse()) {
            json.put("country", options.country()).put("state", options.state());
        }
        return json;
    }

    static MatchData read(JsonObject userData, String actionSource, JsonObject processingOptions) {
        return new MatchData(userData(userData), ActionSource.fromWire(actionSource)
                .orElseThrow(() -> new IllegalStateException("unknown stored action_source")),
                processingOptions(processingOptions));
    }

    static UserData userData(JsonObject json) {
        if (json == null || json.isEmpty()) {
            return UserData.NONE;
        }
        Map<HashedField, Sha256Hex> hashes = new EnumMap<>(HashedField.class);
        for (HashedField field : HashedField.values()) {
            String hash = json.getString(field.metaKey());
            if (hash != null) {
                hashes.put(field, new Sha256Hex(hash));
            }
        }
        String ip = json.getString("client_ip_address");
        String userAgent = json.getString("client_user_agent");
        String fbc = json.getString("fbc");
        String fbp = json.getString("fbp");
        return new UserData(hashes, ip == null ? null : new ClientIpAddress(ip),
                userAgent == null ? null : new ClientUserAgent(userAgent),
                fbc == null ? null : new FacebookClickId(fbc), fbp == null ? null : new FacebookBrowserId(fbp));
    }

    static DataProcessingOptions processingOptions(JsonObject json) {
        if (json == null) {
            return null;
        }
        return json.getBoolean("ldu", false)
                ? new DataProcessingOptions(true, json.getInteger("country", 0), json.getInteger("state", 0))
                : DataProcessingOptions.NOT_LIMITED;
    }
}
