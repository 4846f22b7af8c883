package io.adtarget.application.fake;

import io.adtarget.application.port.out.Telemetry;
import io.adtarget.domain.conversion.ConversionStatus;
import java.util.ArrayList;
import java.util.List;

/** A {@link Telemetry} that remembers every report as "kind:value", in order. */
public final class RecordingTelemetry implements Telemetry {
    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized void idempotency(String outcome) {
        events.add("idempotency:" + outcome);
    }

    @Override
    public synchronized void conversion(String result) {
        events.add("conversion:" + result);
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
