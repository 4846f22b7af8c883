package io.adtarget.bootstrap;

import io.adtarget.http.ops.ObservedRequest;
import io.adtarget.http.ops.RequestObserver;
import io.adtarget.meta.MetaAttempt;
import io.adtarget.meta.MetaAttemptListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<String, Counter> requestCounters = new ConcurrentHashMap<>();
    private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
    private final Map<String, Timer> metaTimers = new ConcurrentHashMap<>();
    private final Map<String, Counter> metaErrors = new ConcurrentHashMap<>();

    Observability(MeterRegistry registry) {
        this.registry = registry;
        // The JVM's first counter and first histogram timer load Micrometer's and Prometheus's classes and run
        // the bucket code: 23 ms on a warm machine, 108-229 ms on a cold start of the bench's, where that ran on
        // the event loop of the first request (its blocked-thread warnings). Registered here, at start-up on the
        // main thread; later ones take ~0.4 ms. The unmatched route's series read 0 from the start instead of
        // appearing with the first 404.
        requestCounter(ObservedRequest.UNMATCHED, 404);
        requestTimer(ObservedRequest.UNMATCHED);
    }

    @Override
    public void requestFinished(ObservedRequest request) {
        // Meters are looked up once per (route, status) and reused: this runs on every request.
        requestCounter(request.route(), request.status()).increment();
        requestTimer(request.route()).record(request.latencyNanos(), TimeUnit.NANOSECONDS);
        REQUESTS.atInfo()
                .addKeyValue("method", request.method())
                .addKeyValue("route", request.route())
                .addKeyValue("status", request.status())
                // a number (ms, two decimals), so JSON logs carry it typed; request_id comes from the MDC
                // (RequestIdLogFilter), which has it for every line of the request, this one included
                .addKeyValue("latency_ms", Math.round(request.latencyNanos() / 1e4) / 100.0)
                .addKeyValue("api_key_id", request.apiKeyId())
                .log("request");
    }

    private Counter requestCounter(String route, int status) {
        return requestCounters.computeIfAbsent(route + " " + status, key -> Counter
                .builder("adtarget.http.requests").tag("route", route).tag("status", Integer.toString(status))
                .description("HTTP requests by route template and status").register(registry));
    }

    private Timer requestTimer(String route) {
        return requestTimers.computeIfAbsent(route, key -> Timer.builder("adtarget.http.request.duration")
                .tag("route", key).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .description("HTTP request latency by route template").register(registry));
    }

    @Override
    public void onAttempt(MetaAttempt attempt) {
        metaTimers.computeIfAbsent(attempt.sent() ? "sent" : "failed", outcome -> Timer
                .builder("adtarget.meta.requests").tag("outcome", outcome).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .description("Calls to Meta's Conversions API").register(registry))
                .record(attempt.latency());
        if (!attempt.sent()) {
            metaErrors.computeIfAbsent(attempt.outcome(), code -> Counter.builder("adtarget.meta.errors")
                    .tag("code", code).description("Failed calls to Meta by error class").register(registry))
                    .increment();
        }
    }
}
