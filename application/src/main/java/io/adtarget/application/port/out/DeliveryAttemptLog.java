package io.adtarget.application.port.out;

import io.adtarget.domain.conversion.DeliveryAttempt;

/**
 * Where the delivery path leaves a record of each call to Meta. Observability, not state: the write
 * happens after the call returns, off the delivery's path (nothing waits for it, a failure to write is
 * the adapter's to log), and the last records may be lost in a crash.
 */
@FunctionalInterface
public interface DeliveryAttemptLog {
    DeliveryAttemptLog NONE = attempt -> {
    };

    /** Takes the attempt; never blocks and never throws on account of its storage. */
    void record(DeliveryAttempt attempt);
}
