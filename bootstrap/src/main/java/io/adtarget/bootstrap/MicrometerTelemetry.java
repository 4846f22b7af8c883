package io.adtarget.bootstrap;

import io.adtarget.application.port.out.Telemetry;
import io.adtarget.application.port.out.Telemetry.ConversionResult;
import io.adtarget.application.port.out.Telemetry.IdempotencyOutcome;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.userdata.MatchSignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The services' business counters as Micrometer meters (Prometheus names in semantics.md §4). */
final class MicrometerTelemetry implements Telemetry {
    private final MeterRegistry registry;
    private final Counter purged;
    private final AtomicLong retryQueueDepth = new AtomicLong();

    MicrometerTelemetry(MeterRegistry registry) {
        this.registry = registry;
        this.purged = Counter.builder("adtarget.idempotency.purged")
                .description("Idempotency records deleted by the purge job").register(registry);
        Gauge.builder("adtarget.retry.queue.depth", retryQueueDepth, AtomicLong::get)
                .description("Failed retryable conversions due for another attempt").register(registry);
        for (IdempotencyOutcome outcome : IdempotencyOutcome.values()) {
            idempotencyCounter(outcome);
        }
        for (ConversionResult result : ConversionResult.values()) {
            conversionCounter(result);
        }
        for (String status : new String[] {"sent", "failed", "skipped"}) {
            statusCounter(status);
        }
    }

    @Override
    public void idempotency(IdempotencyOutcome outcome) {
        idempotencyCounter(outcome).increment();
    }

    @Override
    public void conversion(ConversionResult result) {
        conversionCounter(result).increment();
    }

    @Override
    public void deliveryStatus(ConversionStatus status) {
        statusCounter(status.slug()).increment();
    }

    @Override
    public void idempotencyPurged(long count) {
        purged.increment(count);
    }

    /**
     * {@code adtarget_match_conversions_total{site}} and {@code adtarget_match_signal_total{site,signal}}: the
     * share of a site's conversions carrying each signal is their ratio. The site label is bounded by the
     * sites operators provision (never by request input); the signal label by {@link MatchSignal}.
     */
    @Override
    public void matchSignals(SiteId site, List<MatchSignal> signals) {
        Counter.builder("adtarget.match.conversions").tag("site", site.toString())
                .description("Conversions created or revised, per site (denominator of match coverage)")
                .register(registry).increment();
        for (MatchSignal signal : signals) {
            Counter.builder("adtarget.match.signal").tag("site", site.toString()).tag("signal", signal.label())
                    .description("Conversions created or revised carrying a match signal, per site")
                    .register(registry).increment();
        }
    }

    /**
     * {@code adtarget_telegram_updates_total{outcome}}: webhook updates by outcome (recorded kinds, duplicate,
     * ignored-&lt;reason&gt;, unauthorized); the labels are fixed strings of the service, never update content.
     */
    @Override
    public void telegramUpdate(String outcome) {
        Counter.builder("adtarget.telegram.updates").tag("outcome", outcome)
                .description("Telegram webhook updates by outcome").register(registry).increment();
    }

    /** Sets {@code adtarget_retry_queue_depth} (due retryable failures), refreshed by the retry worker. */
    void retryQueueDepth(long depth) {
        retryQueueDepth.set(depth);
    }

    private Counter idempotencyCounter(IdempotencyOutcome outcome) {
        return Counter.builder("adtarget.idempotency").tag("outcome", outcome.slug())
                .description("Idempotency-Key outcomes").register(registry);
    }

    private Counter conversionCounter(ConversionResult result) {
        return Counter.builder("adtarget.conversions").tag("result", result.slug())
                .description("Conversion requests by upsert result").register(registry);
    }

    private Counter statusCounter(String status) {
        return Counter.builder("adtarget.conversion.status").tag("status", status)
                .description("Delivery outcomes by resulting status").register(registry);
    }
}
