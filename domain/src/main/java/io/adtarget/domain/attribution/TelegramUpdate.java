package io.adtarget.domain.attribution;

import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.TelegramUserId;

/**
 * The part of a Telegram update attribution reads (https://core.telegram.org/bots/api#update). Anything else,
 * or an update missing what we need, is {@link Ignored}. {@code inviteLink} is null when the update has none.
 */
public sealed interface TelegramUpdate {
    long updateId();

    /** {@code chat_member}: the user's new status is a member (joined) or not (left, kicked). */
    record MemberChange(long updateId, ChannelId chat, TelegramUserId user, boolean joined, String inviteLink)
            implements TelegramUpdate {
    }

    /** {@code chat_join_request} through {@code inviteLink}. */
    record JoinRequest(long updateId, ChannelId chat, TelegramUserId user, String inviteLink)
            implements TelegramUpdate {
    }

    /** An update type we do not handle, or a malformed one; {@code reason} is for the metric label. */
    record Ignored(long updateId, String reason) implements TelegramUpdate {
    }
}
