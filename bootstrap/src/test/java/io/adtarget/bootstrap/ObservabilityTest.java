package io.adtarget.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.http.ops.ObservedRequest;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The request metrics' series as an operator's scrape sees them. */
class ObservabilityTest {

    @Test
    void the_request_duration_series_exists_from_start_up_and_requests_are_recorded_by_route_template() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Observability observability = new Observability(registry);

        Timer unmatched = registry.find("adtarget.http.request.duration").tag("route", ObservedRequest.UNMATCHED)
                .timer();
        assertThat(unmatched).as("registered before any request (off the first request's event loop)").isNotNull();
        assertThat(unmatched.count()).isZero();
        assertThat(registry.find("adtarget.http.requests").tags("route", ObservedRequest.UNMATCHED, "status", "404")
                .counter().count()).isZero();

        observability.requestFinished(new ObservedRequest("POST", "/api/v1/events/conversion", 201,
                TimeUnit.MILLISECONDS.toNanos(3), "req-1", null));
        observability.requestFinished(new ObservedRequest("GET", ObservedRequest.UNMATCHED, 404,
                TimeUnit.MILLISECONDS.toNanos(1), "req-2", null));

        assertThat(registry.find("adtarget.http.request.duration").tag("route", "/api/v1/events/conversion").timer()
                .count()).isEqualTo(1);
        assertThat(unmatched.count()).isEqualTo(1);
        assertThat(unmatched.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1.0);
        assertThat(registry.find("adtarget.http.requests").tags("route", ObservedRequest.UNMATCHED, "status", "404")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.find("adtarget.http.requests").tags("route", "/api/v1/events/conversion", "status", "201")
                .counter().count()).isEqualTo(1.0);
    }
}
