package io.adtarget.domain.conversion;

import io.adtarget.domain.shared.Money;
import io.adtarget.domain.userdata.MatchData;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The revisable part of a conversion: value, event time, source URL, custom data and the match data
 * (user data, action source, Limited Data Use options), all replaced together by an upsert revision.
 * {@code customData} holds JSON values only (String, Number, Boolean, null, List, Map).
 */
public record ConversionDetails(Money value, Instant eventTime, String eventSourceUrl, Map<String, Object> customData,
        MatchData matchData) {
    public ConversionDetails {
        Objects.requireNonNull(eventTime, "eventTime");
        eventTime = Instant.ofEpochSecond(eventTime.getEpochSecond());
        customData = customData == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(customData));
        matchData = matchData == null ? MatchData.NONE : matchData;
    }

    /** Details without user data: action source chat, no LDU options. */
    public ConversionDetails(Money value, Instant eventTime, String eventSourceUrl, Map<String, Object> customData) {
        this(value, eventTime, eventSourceUrl, customData, MatchData.NONE);
    }
}
