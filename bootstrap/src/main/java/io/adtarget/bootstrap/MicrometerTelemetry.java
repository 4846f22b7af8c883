package io.adtarget.bootstrap;

import io.adtarget.application.port.out.Telemetry;
import io.adtarget.domain.conversion.ConversionStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
        for (String outcome : new String[] {"executed", "replayed", "conflict", "mismatch", "rejected"}) {
            idempotencyCounter(outcome);
        }
        for (String result : new String[] {"created", "updated", "deduplicated"}) {
            conversionCounter(result);
        }
        for (String status : new String[] {"sent", "failed", "skipped"}) {
            statusCounter(status);
        }
    }

    @Override
    public void idempotency(String outcome) {
        idempotencyCounter(outcome).increment();
    }

    @Override
    public void conversion(String result) {
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

    /** Sets {@code adtarget_retry_queue_depth} (due retryable failures), refreshed by the retry worker. */
    void retryQueueDepth(long depth) {
        retryQueueDepth.set(depth);
    }

    private Counter idempotencyCounter(String outcome) {
        return Counter.builder("adtarget.idempotency").tag("outcome", outcome)
                .description("Idempotency-Key outcomes").register(registry);
    }

    private Counter conversionCounter(String result) {
        return Counter.builder("adtarget.conversions").tag("result", result)
                .description("Conversion requests by upsert result").register(registry);
    }

    private Counter statusCounter(String status) {
        return Counter.builder("adtarget.conversion.status").tag("status", status)
                .description("Delivery outcomes by resulting status").register(registry);
    }
}
