package io.adtarget.application.fake;

import io.adtarget.application.port.out.Telemetry;
import io.adtarget.application.port.out.Telemetry.ConversionResult;
import io.adtarget.application.port.out.Telemetry.IdempotencyOutcome;
import io.adtarget.domain.conversion.ConversionStatus;
import java.util.ArrayList;
import java.util.List;

/** A {@link Telemetry} that remembers every report as "kind:value", in order. */
public final class RecordingTelemetry implements Telemetry {
    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized void idempotency(IdempotencyOutcome outcome) {
        events.add("idempotency:" + outcome.slug());
    }

    @Override
    public synchronized void conversion(ConversionResult result) {
        events.add("conversion:" + result.slug());
    }

    @Override
    public synchronized void deliveryStatus(ConversionStatus status) {
        events.add("delivery:" + status.slug());
    }

    @Override
    public synchronized void idempotencyPurged(long count) {
        events.add("purged:" + count);
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }
}
