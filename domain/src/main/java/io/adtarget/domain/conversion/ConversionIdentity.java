package io.adtarget.domain.conversion;

import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.SiteId;
import java.time.Instant;
import java.util.Objects;

/**
 * Who sent a conversion, about whom and where: fixed when it is created, never replaced by a transition.
 * A new field that belongs to the conversion itself (not to its delivery) goes here.
 */
public record ConversionIdentity(
        ConversionId id,
        AccountId accountId,
        SiteId siteId,
        KeyMode keyMode,
        TelegramUserId telegramUserId,
        ChannelId channelId,
        EventType eventType,
        ClientEventId clientEventId,
        Instant createdAt,
        ConversionOrigin origin) {

    public ConversionIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(keyMode, "keyMode");
        Objects.requireNonNull(telegramUserId, "telegramUserId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(createdAt, "createdAt");
        origin = origin == null ? ConversionOrigin.API : origin;
    }

    /** A conversion recorded through the API. */
    public ConversionIdentity(ConversionId id, AccountId accountId, SiteId siteId, KeyMode keyMode,
            TelegramUserId telegramUserId, ChannelId channelId, EventType eventType, ClientEventId clientEventId,
            Instant createdAt) {
        this(id, accountId, siteId, keyMode, telegramUserId, channelId, eventType, clientEventId, createdAt,
                ConversionOrigin.API);
    }

    public MatchKey matchKey() {
        return new MatchKey(siteId, keyMode, telegramUserId, channelId, eventType, clientEventId);
    }
}
