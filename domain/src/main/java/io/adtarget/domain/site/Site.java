package io.adtarget.domain.site;

import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.SkipReason;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.shared.Names;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One Meta pixel of an account, with the Telegram channels attached to it. */
public record Site(
        SiteId id,
        AccountId accountId,
        String name,
        MetaPixelId metaPixelId,
        AccessToken metaAccessToken,
        TestEventCode testEventCode,
        boolean enabled,
        List<ChannelId> channels,
        Instant createdAt,
        Instant updatedAt) {

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        requireValidName(name);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public static void requireValidName(String name) {
        Names.requireValid(name);
    }

    /** Where a conversion recorded with a key of {@code mode} goes (semantics §3, step 1). */
    public DeliveryTarget deliveryTarget(KeyMode mode) {
        if (metaPixelId == null || metaAccessToken == null) {
            return new DeliveryTarget.Skip(SkipReason.META_NOT_CONFIGURED);
        }
        if (!enabled) {
            return new DeliveryTarget.Skip(SkipReason.SITE_DISABLED);
        }
        if (mode == KeyMode.TEST && testEventCode == null) {
            return new DeliveryTarget.Skip(SkipReason.TEST_EVENT_CODE_MISSING);
        }
        MetaConnection connection = new MetaConnection(metaPixelId, metaAccessToken);
        return new DeliveryTarget.Deliver(connection, mode == KeyMode.TEST ? testEventCode : null);
    }

    public Site withChannels(List<ChannelId> newChannels) {
        return new Site(id, accountId, name, metaPixelId, metaAccessToken, testEventCode, enabled, newChannels,
                createdAt, updatedAt);
    }
}
