package io.adtarget.domain.conversion;

import io.adtarget.domain.shared.Money;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The revisable part of a conversion: value, event time, source URL and custom data.
 * {@code customData} holds JSON values only (String, Number, Boolean, null, List, Map).
 */
public record ConversionDetails(Money value, Instant eventTime, String eventSourceUrl, Map<String, Object> customData) {
    public ConversionDetails {
        Objects.requireNonNull(eventTime, "eventTime");
        eventTime = Instant.ofEpochSecond(eventTime.getEpochSecond());
        customData = customData == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(customData));
    }
}
