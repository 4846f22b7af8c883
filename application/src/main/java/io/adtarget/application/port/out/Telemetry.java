package io.adtarget.application.port.out;

import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.userdata.MatchSignal;
import java.util.List;

/** Business counters the services report (semantics §4); the runtime turns them into metrics. */
public interface Telemetry {
    /** outcome: executed, replayed, conflict, mismatch or rejected. */
    void idempotency(String outcome);

    /** result: created, updated or deduplicated. */
    void conversion(String result);

    /** A delivery finished in this status (sent, failed or skipped). */
    void deliveryStatus(ConversionStatus status);

    void idempotencyPurged(long count);

    /**
     * A conversion of the site was created or revised carrying these match signals (possibly none): the
     * per-site coverage series of docs/match-quality.md.
     */
    default void matchSignals(SiteId site, List<MatchSignal> signals) {
    }

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
