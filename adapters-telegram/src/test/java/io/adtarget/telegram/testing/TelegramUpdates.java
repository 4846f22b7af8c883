package io.adtarget.telegram.testing;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Updates as Telegram posts them to a webhook (https://core.telegram.org/bots/api#update), for the channel
 * events attribution handles: a {@code chat_member} join (through an invite link or not), a leave, and a
 * {@code chat_join_request}. Chat ids are sent as JSON integers, as Telegram does.
 */
public final class TelegramUpdates {
    private static final long DATE = Instant.parse("2026-01-01T12:00:00Z").getEpochSecond();

    private TelegramUpdates() {
    }

    /** {@code user} went from {@code left} to {@code member}; {@code inviteLink} null for a join without a link. */
    public static JsonObject joined(long updateId, String chatId, long userId, String inviteLink) {
        JsonObject change = memberChange(chatId, userId, "left", "member");
        if (inviteLink != null) {
            change.put("invite_link", link(inviteLink, false));
        }
        return new JsonObject().put("update_id", updateId).put("chat_member", change);
    }

    /** {@code user} went from {@code member} to {@code left}. */
    public static JsonObject left(long updateId, String chatId, long userId) {
        return new JsonObject().put("update_id", updateId)
                .put("chat_member", memberChange(chatId, userId, "member", "left"));
    }

    /** {@code user} asked to join through {@code inviteLink} (a link with {@code creates_join_request}). */
    public static JsonObject joinRequest(long updateId, String chatId, long userId, String inviteLink) {
        JsonObject request = new JsonObject().put("chat", chat(chatId)).put("from", user(userId))
                .put("user_chat_id", userId).put("date", DATE);
        if (inviteLink != null) {
            request.put("invite_link", link(inviteLink, true));
        }
        return new JsonObject().put("update_id", updateId).put("chat_join_request", request);
    }

    private static JsonObject memberChange(String chatId, long userId, String oldStatus, String newStatus) {
        return new JsonObject().put("chat", chat(chatId)).put("from", user(userId)).put("date", DATE)
                .put("old_chat_member", new JsonObject().put("status", oldStatus).put("user", user(userId)))
                .put("new_chat_member", new JsonObject().put("status", newStatus).put("user", user(userId)));
    }

    private static JsonObject chat(String chatId) {
        JsonObject chat = new JsonObject().put("type", "channel").put("title", "Test channel");
        try {
            return chat.put("id", Long.parseLong(chatId));
        } catch (NumberFormatException channelUsername) {
            return chat.put("id", -1000000000001L).put("username", chatId.replaceFirst("^@", ""));
        }
    }

    private static JsonObject user(long userId) {
        return new JsonObject().put("id", userId).put("is_bot", false).put("first_name", "Visitor " + userId);
    }

    private static JsonObject link(String url, boolean createsJoinRequest) {
        return new JsonObject().put("invite_link", url).put("creates_join_request", createsJoinRequest)
                .put("is_primary", false).put("is_revoked", false)
                .put("creator", new JsonObject().put("id", 1).put("is_bot", true).put("first_name", "bot"));
    }
}
