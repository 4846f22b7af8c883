package io.adtarget.domain.conversion;

import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.Sha256;
import io.adtarget.domain.shared.SiteId;
import java.util.Objects;

/**
 * What makes two conversion requests "the same" for the upsert (semantics §2). A request without
 * eventId matches only conversions recorded without one ({@code clientEventId} null).
 */
public record MatchKey(SiteId siteId, KeyMode keyMode, TelegramUserId telegramUserId, ChannelId channelId,
        EventType eventType, ClientEventId clientEventId) {

    public MatchKey {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(keyMode, "keyMode");
        Objects.requireNonNull(telegramUserId, "telegramUserId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(eventType, "eventType");
    }

    /** An unambiguous text form: every part is length-prefixed, so no separator can collide. */
    public String canonical() {
        StringBuilder out = new StringBuilder();
        for (String part : new String[] {siteId.toString(), keyMode.slug(), Long.toString(telegramUserId.value()),
                channelId.value(), eventType.value(), clientEventId == null ? "" : clientEventId.value()}) {
            out.append(part.length()).append(':').append(part).append(';');
        }
        out.append(clientEventId == null ? '-' : '+');
        return out.toString();
    }

    /** SHA-256 of the canonical form, for lock names. */
    public String digest() {
        return Sha256.hex(canonical());
    }

    /** The first 64 bits of the digest, for a Postgres advisory lock. */
    public long digest64() {
        return Long.parseUnsignedLong(digest().substring(0, 16), 16);
    }
}
