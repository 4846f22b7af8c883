package io.adtarget.domain.conversion;

import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.userdata.MatchCoverage;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one site's deliveries went over a window: its conversions recorded in the window by status now,
 * how many wait for a retry, which errors Meta's calls ended in (attempts in the window), the
 * match-signal coverage of those conversions, and the same status counts hour by hour.
 */
public record SiteDeliveryHealth(SiteId siteId, String siteName, Map<ConversionStatus, Integer> byStatus,
        int retryQueue, List<ErrorCount> metaErrors, MatchCoverage coverage, List<Hour> hourly) {

    public SiteDeliveryHealth {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(coverage, "coverage");
        EnumMap<ConversionStatus, Integer> copy = new EnumMap<>(ConversionStatus.class);
        for (ConversionStatus status : ConversionStatus.values()) {
            copy.put(status, byStatus.getOrDefault(status, 0));
        }
        byStatus = Collections.unmodifiableMap(copy);
        metaErrors = List.copyOf(metaErrors);
        hourly = List.copyOf(hourly);
    }

    /** Failed calls of one kind: the outcome's slug and Meta's code when it sent one. */
    public record ErrorCount(String outcome, Integer metaCode, int attempts) {
    }

    /** The conversions recorded in one hour (starting at {@code start}, UTC), by their status now. */
    public record Hour(Instant start, int sent, int failed, int skipped, int pending) {
    }
}
