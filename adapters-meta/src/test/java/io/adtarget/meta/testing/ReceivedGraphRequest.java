package io.adtarget.meta.testing;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** One request as {@link FakeGraphApi} received it; {@code json} is null when the body was not a JSON object. */
public record ReceivedGraphRequest(String method, String path, Map<String, String> query, String contentType,
        String body, JsonObject json) {

    public String accessToken() {
        return query.get("access_token");
    }
}
