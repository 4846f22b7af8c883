package io.adtarget.application.port.out;

import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.userdata.MatchSignal;
import java.util.List;

/** Business counters the services report (semantics §4); the runtime turns them into metrics. */
public interface Telemetry {
    /** What the Idempotency-Key protocol did with a request; {@link #slug()} is the metric's label value. */
    enum IdempotencyOutcome {
        EXECUTED, REPLAYED, CONFLICT, MISMATCH, REJECTED;

        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What recording a conversion did (the upsert's result); {@link #slug()} is the metric's label value. */
    enum ConversionResult {
        CREATED, UPDATED, DEDUPLICATED;

        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    void idempotency(IdempotencyOutcome outcome);

    void conversion(ConversionResult result);

    /** A delivery finished in this status (sent, failed or skipped). */
    void deliveryStatus(ConversionStatus status);

    void idempotencyPurged(long count);

    /**
     * A conversion of the site was created or revised carrying these match signals (possibly none): the
     * per-site coverage series of docs/match-quality.md.
     */
    default void matchSignals(SiteId site, List<MatchSignal> signals) {
    }

    /** A Telegram update was handled with this outcome (recorded, duplicate, ignored-<reason>, unauthorized). */
    default void telegramUpdate(String outcome) {
    }

    Telemetry NOOP = new Telemetry() {
        @Override
        public void idempotency(IdempotencyOutcome outcome) {
        }

        @Override
        public void conversion(ConversionResult result) {
        }

        @Override
        public void deliveryStatus(ConversionStatus status) {
        }

        @Override
        public void idempotencyPurged(long count) {
        }
    };
}
