package io.adtarget.meta;

import io.adtarget.domain.conversion.ConversionId;
import java.time.Duration;
import java.util.Objects;

/**
 * One call to Meta as seen by metrics: {@code outcome} is {@value #SENT} or a delivery error slug
 * ({@code meta-timeout}, …); {@code fbtraceId} and {@code metaCode} only when Meta sent them.
 */
public record MetaAttempt(ConversionId conversionId, String outcome, Duration latency, String fbtraceId,
        Integer metaCode) {
    public static final String SENT = "sent";

    public MetaAttempt {
        Objects.requireNonNull(conversionId, "conversionId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(latency, "latency");
    }

    public boolean sent() {
        return SENT.equals(outcome);
    }
}
