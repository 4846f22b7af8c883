package io.adtarget.domain.attribution;

import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What one Telegram update meant for a channel: a join (through our link or not) or a leave. */
public record MembershipEvent(SiteId siteId, long updateId, AccountId accountId, ChannelId channelId,
        TelegramUserId telegramUserId, Kind kind, UUID visitId, Instant receivedAt) {

    /** The stored kinds; a join through one of our links is attributed to its visit. */
    public enum Kind {
        JOIN_ATTRIBUTED("join-attributed"), JOIN_ORGANIC("join-organic"), LEAVE("leave");

        private final String slug;

        Kind(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    public MembershipEvent {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(telegramUserId, "telegramUserId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if ((kind == Kind.JOIN_ATTRIBUTED) != (visitId != null)) {
            throw new IllegalArgumentException("an attributed join, and only it, names its visit");
        }
    }
}
