package io.adtarget.telegram.testing;

import io.vertx.core.json.JsonObject;

/**
 * One call the fake received: the token in its path, the Bot API method and the parameters (the JSON body,
 * or the query and form parameters; {@code null} when the body was not parsable).
 */
public record FakeTelegramCall(String token, String method, JsonObject parameters) {
    /** The bot id part of the token, or -1 when the path held no token of that shape. */
    public long botId() {
        int colon = token.indexOf(':');
        try {
            return colon > 0 ? Long.parseLong(token.substring(0, colon)) : -1;
        } catch (NumberFormatException notABotId) {
            return -1;
        }
    }
}
