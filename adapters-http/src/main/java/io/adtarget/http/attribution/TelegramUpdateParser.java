package io.adtarget.http.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adtarget.domain.attribution.TelegramUpdate;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.TelegramUserId;
import java.io.IOException;
import java.util.Set;

/**
 * Reads the two update types we subscribe to (https://core.telegram.org/bots/api#update): {@code chat_member}
 * (ChatMemberUpdated) and {@code chat_join_request} (ChatJoinRequest). Anything else, and anything missing a
 * field we need, is {@link TelegramUpdate.Ignored}: it is never an error, because Telegram would re-send it.
 */
final class TelegramUpdateParser {
    static final Set<String> JOINED = Set.of("member", "administrator", "restricted");
    static final Set<String> LEFT = Set.of("left", "kicked");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TelegramUpdateParser() {
    }

    static TelegramUpdate parse(byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject() || !root.path("update_id").canConvertToLong()
                || !root.path("update_id").isIntegralNumber()) {
            return new TelegramUpdate.Ignored(-1, "malformed");
        }
        long updateId = root.get("update_id").longValue();
        try {
            if (root.has("chat_member")) {
                return memberChange(updateId, root.get("chat_member"));
            }
            if (root.has("chat_join_request")) {
                return joinRequest(updateId, root.get("chat_join_request"));
            }
        } catch (IllegalArgumentException e) {
            return new TelegramUpdate.Ignored(updateId, "malformed");
        }
        return new TelegramUpdate.Ignored(updateId, "unsupported-type");
    }

    private static TelegramUpdate memberChange(long updateId, JsonNode change) {
        String status = change.path("new_chat_member").path("status").asText("");
        // the member whose status changed; for a join through a link that is also from.id
        JsonNode user = change.path("new_chat_member").path("user").path("id");
        if (user.isMissingNode()) {
            user = change.path("from").path("id");
        }
        if (!JOINED.contains(status) && !LEFT.contains(status)) {
            return new TelegramUpdate.Ignored(updateId, "unsupported-status");
        }
        return new TelegramUpdate.MemberChange(updateId, chat(change), user(user), JOINED.contains(status),
                inviteLink(change));
    }

    private static TelegramUpdate joinRequest(long updateId, JsonNode request) {
        return new TelegramUpdate.JoinRequest(updateId, chat(request), user(request.path("from").path("id")),
                inviteLink(request));
    }

    private static ChannelId chat(JsonNode node) {
        JsonNode id = node.path("chat").path("id");
        if (!id.isIntegralNumber()) {
            throw new IllegalArgumentException("chat.id");
        }
        return new ChannelId(id.bigIntegerValue().toString());
    }

    private static TelegramUserId user(JsonNode id) {
        if (!id.isIntegralNumber() || !id.canConvertToLong()) {
            throw new IllegalArgumentException("user id");
        }
        return new TelegramUserId(id.longValue());
    }

    private static String inviteLink(JsonNode node) {
        JsonNode link = node.path("invite_link").path("invite_link");
        return link.isTextual() && link.textValue().length() <= 256 ? link.textValue() : null;
    }
}
