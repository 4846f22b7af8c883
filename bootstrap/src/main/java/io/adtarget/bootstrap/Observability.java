package io.adtarget.bootstrap;

import io.adtarget.http.ObservedRequest;
import io.adtarget.http.RequestObserver;
import io.adtarget.meta.MetaAttempt;
import io.adtarget.meta.MetaAttemptListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request and Meta-attempt metrics (semantics §4) and the one-line-per-request log. Only ids are
 * logged: the API key's id, never the key; never a Meta token.
 */
final class Observability implements RequestObserver, MetaAttemptListener {
    private static final Logger REQUESTS = LoggerFactory.getLogger("adtarget.requests");
    private final MeterRegistry registry;

    Observability(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void requestFinished(ObservedRequest request) {
        String status = Integer.toString(request.status());
        Counter.builder("adtarget.http.requests").tag("route", request.route()).tag("status", status)
                .description("HTTP requests by route template and status").register(registry).increment();
        Timer.builder("adtarget.http.request.duration").tag("route", request.route())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .description("HTTP request latency by route template").register(registry)
                .record(request.latencyNanos(), TimeUnit.NANOSECONDS);
        REQUESTS.atInfo()
                .addKeyValue("method", request.method())
                .addKeyValue("route", request.route())
                .addKeyValue("status", request.status())
                .addKeyValue("latency_ms", String.format(java.util.Locale.ROOT, "%.2f", request.latencyNanos() / 1e6))
                .addKeyValue("request_id", request.requestId())
                .addKeyValue("api_key_id", request.apiKeyId())
                .log("request");
    }

    @Override
    public void onAttempt(MetaAttempt attempt) {
        Timer.builder("adtarget.meta.requests").tag("outcome", attempt.sent() ? "sent" : "failed")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .description("Calls to Meta's Conversions API").register(registry)
                .record(attempt.latency());
        if (!attempt.sent()) {
            Counter.builder("adtarget.meta.errors").tag("code", attempt.outcome())
                    .description("Failed calls to Meta by error class").register(registry).increment();
        }
    }
}
