package io.adtarget.bootstrap.faults;

import io.adtarget.bootstrap.e2e.RunningService;
import io.adtarget.bootstrap.e2e.Tenant;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Closed-loop load against 127.0.0.1: {@code workers} threads each post conversions back to back,
 * every one with its own Idempotency-Key and Telegram user, until {@link #stop()}. Bounded by the
 * worker count (at most that many requests in flight) and by {@code maxRequests}.
 */
final class ConversionLoad implements AutoCloseable {
    static final long CLIENT_TIMEOUT_MS = 30_000;
    private final RunningService service;
    private final Tenant tenant;
    private final String keyPrefix;
    private final long maxRequests;
    private final long pacingNanos;
    private final ExecutorService pool;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

    private ConversionLoad(RunningService service, Tenant tenant, String keyPrefix, int workers, long maxRequests,
            Duration pace) {
        this.pacingNanos = pace.toNanos();
        this.service = service;
        this.tenant = tenant;
        this.keyPrefix = keyPrefix;
        this.maxRequests = maxRequests;
        this.pool = Executors.newFixedThreadPool(workers);
        for (int i = 0; i < workers; i++) {
            pool.execute(this::loop);
        }
    }

    /**
     * Starts the workers; each sends at most one request per {@code pace} (load shape, so that fast
     * 503s during an outage do not turn into a flood of thousands of requests).
     */
    static ConversionLoad start(RunningService service, Tenant tenant, String keyPrefix, int workers, long maxRequests,
            Duration pace) {
        return new ConversionLoad(service, tenant, keyPrefix, workers, maxRequests, pace);
    }

    private void loop() {
        long next = System.nanoTime();
        while (running.get()) {
            long n = sequence.incrementAndGet();
            if (n > maxRequests) {
                return;
            }
            outcomes.add(post(service, tenant, keyPrefix + n, 5_000_000L + n));
            next += pacingNanos;
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    /** One POST of the tenant's purchase for {@code telegramUserId} under {@code key}; never throws. */
    static Outcome post(RunningService service, Tenant tenant, String key, long telegramUserId) {
        long started = System.nanoTime();
        try {
            HttpResponse<Buffer> response = service.request(HttpMethod.POST, "/api/v1/events/conversion")
                    .putHeader("Authorization", "Bearer " + tenant.apiKey())
                    .putHeader("Idempotency-Key", key)
                    .timeout(CLIENT_TIMEOUT_MS)
                    .sendJsonObject(tenant.purchase(telegramUserId)).await();
            return new Outcome(key, telegramUserId, started, System.nanoTime() - started, response.statusCode(),
                    response.getHeader("Content-Type"), response.getHeader("Retry-After"),
                    response.getHeader("X-Idempotent-Replay"), response.body(), null);
        } catch (RuntimeException e) {
            return new Outcome(key, telegramUserId, started, System.nanoTime() - started, -1, null, null, null, null, e);
        }
    }

    long completed() {
        return outcomes.size();
    }

    long completedSince(long nanos, int status) {
        return outcomes.stream().filter(o -> o.startedNanos() >= nanos && o.status() == status).count();
    }

    /** Stops issuing requests and waits for those in flight; the outcomes of the whole run. */
    List<Outcome> stop() {
        running.set(false);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(CLIENT_TIMEOUT_MS * 2, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("load workers did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return new ArrayList<>(outcomes);
    }

    @Override
    public void close() {
        running.set(false);
        pool.shutdownNow();
    }
}
