package io.adtarget.telegram.testing;

import io.adtarget.telegram.testing.FakeTelegramBotApi.CreatedInviteLink;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@code createChatInviteLink} of the fake, with the checks the Bot API documents for its parameters. */
final class FakeInviteLinks {

    private FakeInviteLinks() {
    }

    static JsonObject create(long botId, JsonObject creator, Set<String> chats, JsonObject parameters,
            Supplier<String> newLink, Consumer<CreatedInviteLink> created) {
        String chatId = chatId(parameters);
        if (chatId == null || !chats.contains(chatId)) {
            return FakeTelegramBotApi.error(400, "Bad Request: chat not found");
        }
        Object nameValue = parameters.getValue("name");
        if (nameValue != null && !(nameValue instanceof String)) {
            return FakeTelegramBotApi.error(400, "Bad Request: invite link name must be a string");
        }
        String name = (String) nameValue;
        if (name != null && name.codePointCount(0, name.length()) > 32) {
            return FakeTelegramBotApi.error(400, "Bad Request: invite link name is too long");
        }
        Long expire = number(parameters.getValue("expire_date"));
        Long memberLimit = number(parameters.getValue("member_limit"));
        boolean joinRequest = Boolean.TRUE.equals(parameters.getValue("creates_join_request"))
                || "true".equals(parameters.getValue("creates_join_request"));
        if (memberLimit != null && (memberLimit < 1 || memberLimit > 99_999)) {
            return FakeTelegramBotApi.error(400, "Bad Request: member limit must be between 1 and 99999");
        }
        if (memberLimit != null && joinRequest) {
            return FakeTelegramBotApi.error(400,
                    "Bad Request: member limit can't be specified for links requiring administrator approval");
        }
        String url = newLink.get();
        JsonObject link = new JsonObject().put("invite_link", url).put("creator", creator)
                .put("creates_join_request", joinRequest).put("is_primary", false).put("is_revoked", false);
        if (name != null) {
            link.put("name", name);
        }
        if (expire != null) {
            link.put("expire_date", expire);
        }
        if (memberLimit != null) {
            link.put("member_limit", memberLimit);
        }
        if (joinRequest) {
            link.put("pending_join_request_count", 0);
        }
        created.accept(new CreatedInviteLink(botId, chatId, url, name,
                expire == null ? null : Instant.ofEpochSecond(expire),
                memberLimit == null ? null : memberLimit.intValue(), joinRequest));
        return FakeTelegramBotApi.ok(link);
    }

    /** {@code chat_id} as the Bot API takes it: an integer or a string (a numeric one, or {@code @channel}). */
    static String chatId(JsonObject parameters) {
        Object value = parameters.getValue("chat_id");
        if (value instanceof Number number) {
            return Long.toString(number.longValue());
        }
        return value instanceof String text && !text.isEmpty() ? text : null;
    }

    /** An integer parameter, given as a JSON number or as digits (query parameters are strings). */
    static Long number(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }
}
