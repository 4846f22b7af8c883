package io.adtarget.application.service;

import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.application.port.out.DeliveryAttemptLog;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.DeliveryAttempt;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Hands each Meta call's outcome to the {@link DeliveryAttemptLog}; whatever the log does, delivery goes on. */
final class AttemptRecorder {
    private final DeliveryAttemptLog log;

    AttemptRecorder(DeliveryAttemptLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    void record(ConversionEvent claimed, Instant startedAt, Duration latency, DeliveryOutcome outcome) {
        try {
            log.record(attempt(claimed, startedAt, latency, outcome));
        } catch (RuntimeException ignored) {
            // The record is observability; the delivery's outcome is already in hand and must be stored.
        }
    }

    static DeliveryAttempt attempt(ConversionEvent claimed, Instant startedAt, Duration latency,
            DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Accepted accepted) {
            return DeliveryAttempt.sent(claimed, startedAt, latency, accepted.httpStatus(), accepted.fbtraceId());
        }
        DeliveryOutcome.Failed failed = (DeliveryOutcome.Failed) outcome;
        return DeliveryAttempt.failed(claimed, startedAt, latency, failed.error(), failed.httpStatus(),
                failed.metaSubcode());
    }
}
