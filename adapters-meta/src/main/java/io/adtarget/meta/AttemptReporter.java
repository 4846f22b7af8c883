package io.adtarget.meta;

import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.DeliveryError;
import java.time.Duration;
import org.slf4j.Logger;

/** Writes the one log line of an attempt and tells the listener; never lets the listener break delivery. */
final class AttemptReporter {
    private final Logger log;
    private final MetaAttemptListener listener;

    AttemptReporter(Logger log, MetaAttemptListener listener) {
        this.log = log;
        this.listener = listener == null ? MetaAttemptListener.noOp() : listener;
    }

    void report(ConversionId conversionId, DeliveryOutcome outcome, Duration latency) {
        if (outcome instanceof DeliveryOutcome.Failed failed) {
            DeliveryError error = failed.error();
            log.warn("meta attempt conversion={} outcome={} latency_ms={} fbtrace_id={} meta_code={} message=\"{}\"",
                    conversionId, error.code().slug(), latency.toMillis(), error.fbtraceId(), error.metaCode(),
                    error.message());
            tell(new MetaAttempt(conversionId, error.code().slug(), latency, error.fbtraceId(), error.metaCode()));
        } else if (outcome instanceof DeliveryOutcome.Accepted accepted) {
            log.info("meta attempt conversion={} outcome=sent latency_ms={} fbtrace_id={}",
                    conversionId, latency.toMillis(), accepted.fbtraceId());
            tell(new MetaAttempt(conversionId, MetaAttempt.SENT, latency, accepted.fbtraceId(), null));
        }
    }

    private void tell(MetaAttempt attempt) {
        try {
            listener.onAttempt(attempt);
        } catch (RuntimeException e) {
            log.warn("meta attempt listener failed for conversion={}: {}", attempt.conversionId(), e.toString());
        }
    }
}
