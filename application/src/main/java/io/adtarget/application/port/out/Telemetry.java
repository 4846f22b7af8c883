package io.adtarget.application.port.out;

import io.adtarget.domain.conversion.ConversionStatus;

/** Business counters the services report (semantics §4); the runtime turns them into metrics. */
public interface Telemetry {
    /** outcome: executed, replayed, conflict, mismatch or rejected. */
    void idempotency(String outcome);

    /** result: created, updated or deduplicated. */
    void conversion(String result);

    /** A delivery finished in this status (sent, failed or skipped). */
    void deliveryStatus(ConversionStatus status);

    void idempotencyPurged(long count);

    Telemetry NOOP = new Telemetry() {
        @Override
        public void idempotency(String outcome) {
        }

        @Override
        public void conversion(String result) {
        }

        @Override
        public void deliveryStatus(ConversionStatus status) {
        }

        @Override
        public void idempotencyPurged(long count) {
        }
    };
}
