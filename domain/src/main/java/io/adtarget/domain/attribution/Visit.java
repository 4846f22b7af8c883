package io.adtarget.domain.attribution;

import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.userdata.ClientIpAddress;
import io.adtarget.domain.userdata.ClientUserAgent;
import io.adtarget.domain.userdata.FacebookBrowserId;
import io.adtarget.domain.userdata.FacebookClickId;
import io.adtarget.domain.userdata.UserData;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One landing-page visit: what the browser knew (fbc, fbp, IP, user agent, pages, UTM) and the invite link
 * made for it. {@code utm} maps source/medium/campaign/content/term to their values.
 */
public record Visit(UUID id, AccountId accountId, SiteId siteId, ChannelId channelId, FacebookClickId fbc,
        FacebookBrowserId fbp, ClientIpAddress clientIp, ClientUserAgent userAgent, String landingUrl,
        String referrer, Map<String, String> utm, String inviteLink, Instant createdAt, Instant expiresAt) {
    public Visit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        utm = utm == null ? Map.of() : Map.copyOf(utm);
    }

    /** The invite link's {@code name}: the visit id's first 8 hex digits, so an admin can find the visit. */
    public static String linkName(UUID visitId) {
        return "visit " + visitId.toString().substring(0, 8);
    }

    public Visit withInviteLink(String link) {
        return new Visit(id, accountId, siteId, channelId, fbc, fbp, clientIp, userAgent, landingUrl, referrer, utm,
                link, createdAt, expiresAt);
    }

    public Visit withFbp(FacebookBrowserId newFbp) {
        return new Visit(id, accountId, siteId, channelId, fbc, newFbp, clientIp, userAgent, landingUrl, referrer,
                utm, inviteLink, createdAt, expiresAt);
    }

    /** The browser signals Meta matches on, as a conversion's user data. */
    public UserData userData() {
        return new UserData(Map.of(), clientIp, userAgent, fbc, fbp);
    }
}
