package io.adtarget.application.port.in;

import java.time.Instant;
import java.util.Map;

/**
 * A channel's attribution figures for [from, to): visits, joins by distinct user (attributed, organic), leaves,
 * and conversions by event type and status slug.
 */
public record ChannelStats(String channelId, Instant from, Instant to, long visits, long attributedJoins,
        long organicJoins, long leaves, Map<String, Map<String, Long>> conversions) {
    public ChannelStats {
        conversions = Map.copyOf(conversions);
    }
}
