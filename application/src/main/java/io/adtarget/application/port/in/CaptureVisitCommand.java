package io.adtarget.application.port.in;

import io.adtarget.domain.attribution.PublishableKey;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.userdata.ClientIpAddress;
import io.adtarget.domain.userdata.ClientUserAgent;
import io.adtarget.domain.userdata.FacebookBrowserId;
import io.adtarget.domain.userdata.FacebookClickId;
import java.util.Map;
import java.util.Objects;

/** A validated visit: {@code fbc} already derived from {@code fbclid} when only that was given. */
public record CaptureVisitCommand(PublishableKey key, ChannelId channelId, FacebookClickId fbc, FacebookBrowserId fbp,
        ClientIpAddress clientIp, ClientUserAgent userAgent, String landingUrl, String referrer,
        Map<String, String> utm) {
    public CaptureVisitCommand {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(channelId, "channelId");
        utm = utm == null ? Map.of() : Map.copyOf(utm);
    }
}
