package io.adtarget.meta;

import io.adtarget.application.port.out.ConversionsGateway;
import io.adtarget.domain.site.MetaConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live gateway: POSTs one event to {@code {graphUrl}/{version}/{pixelId}/events} on a bounded,
 * keep-alive connection pool, within one overall deadline, and classifies every answer into a value.
 */
public final class GraphApiConversionsGateway implements ConversionsGateway {
    private static final Logger LOG = LoggerFactory.getLogger(GraphApiConversionsGateway.class);

    private final Vertx vertx;
    private final MetaGatewaySettings settings;
    private final HttpClientAgent client;
    private final Context ownContext;
    private final AttemptReporter reporter;
    private final Clock clock = Clock.systemUTC();

    public GraphApiConversionsGateway(Vertx vertx, MetaGatewaySettings settings, MetaAttemptListener listener) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reporter = new AttemptReporter(LOG, listener);
        int deadlineMs = (int) settings.timeout().toMillis();
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout(deadlineMs)
                .setIdleTimeout(60)
                .setDecompressionSupported(true)
                // A call for a traced request continues its trace (a client span with tracing on, the
                // traceparent header either way); the retry worker's calls start none.
                .setTracingPolicy(TracingPolicy.PROPAGATE);
        PoolOptions pool = new PoolOptions()
                .setHttp1MaxSize(settings.maxConnections())
                .setMaxWaitQueueSize(settings.maxConnections() * 16);
        this.client = vertx.httpClientBuilder().with(options).with(pool).build();
        this.ownContext = vertx.getOrCreateContext();
    }

    /**
     * Runs on the caller's Vert.x context, or on the gateway's own when called from a plain thread:
     * there the response could complete before its body handler is set, and the body would be lost.
     */
    @Override
    public Future<DeliveryOutcome> send(DeliveryRequest request) {
        Objects.requireNonNull(request, "request");
        if (Vertx.currentContext() != null) {
            return sendOnContext(request);
        }
        Promise<DeliveryOutcome> result = Promise.promise();
        ownContext.runOnContext(ignored -> sendOnContext(request).onComplete(result));
        return result.future();
    }

    private Future<DeliveryOutcome> sendOnContext(DeliveryRequest request) {
        long started = System.nanoTime();
        Buffer body;
        try {
            body = MetaPayload.of(request.conversion(), request.testEventCode()).toBuffer();
        } catch (RuntimeException e) {
            // Not an answer from Meta: custom data holding something JSON cannot encode is a bug upstream.
            return Future.failedFuture(new IllegalArgumentException(
                    "conversion " + request.conversion().id() + " cannot be encoded as JSON", e));
        }
        Duration deadline = settings.timeout();
        String token = request.connection().accessToken().value();
        Promise<DeliveryOutcome> outcome = Promise.promise();
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        long timer = vertx.setTimer(deadline.toMillis(), id -> {
            if (outcome.tryComplete(TransportFailures.deadlineExceeded(deadline))) {
                HttpClientRequest pending = inFlight.get();
                if (pending != null) {
                    pending.reset();
                }
            }
        });
        client.request(requestOptions(request.connection()))
                .compose(httpRequest -> {
                    inFlight.set(httpRequest);
                    if (outcome.future().isComplete()) {
                        // The deadline passed while we waited for a connection: free it at once.
                        httpRequest.reset();
                    }
                    return httpRequest.send(body);
                })
                .compose(response -> BoundedBody.read(response, inFlight.get(), MetaResponses.MAX_BODY_BYTES)
                        .map(responseBody -> withFloor(MetaResponses.classify(
                                response.statusCode(), response.getHeader("x-fb-trace-id"), responseBody, token),
                                response.getHeader("Retry-After"), response.getHeader("X-Business-Use-Case-Usage"))))
                .onComplete(result -> {
                    vertx.cancelTimer(timer);
                    outcome.tryComplete(result.succeeded()
                            ? result.result()
                            : TransportFailures.classify(result.cause(), deadline));
                });
        return outcome.future().onSuccess(result -> reporter.report(request.conversion().id(), result,
                Duration.ofNanos(System.nanoTime() - started)));
    }

    /** A failed answer carries the floor Meta gave for the next attempt, if it gave one. */
    private DeliveryOutcome withFloor(DeliveryOutcome outcome, String retryAfter, String businessUseCaseUsage) {
        if (!(outcome instanceof DeliveryOutcome.Failed failed) || !failed.error().retryable()) {
            return outcome;
        }
        Duration floor = RetryFloor.of(retryAfter, businessUseCaseUsage, clock);
        return floor == null ? outcome : new DeliveryOutcome.Failed(failed.error(), floor);
    }

    /** Closes the connection pool; calls in flight fail as {@code meta-unavailable}. */
    public Future<Void> close() {
        return client.close();
    }

    private RequestOptions requestOptions(MetaConnection connection) {
        String uri = settings.graphUrl() + "/" + settings.apiVersion() + "/" + connection.pixelId().value()
                + "/events?access_token=" + URLEncoder.encode(connection.accessToken().value(), StandardCharsets.UTF_8);
        return new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(uri)
                .setIdleTimeout(settings.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json")
                .putHeader("User-Agent", MetaPayload.PARTNER_AGENT);
    }
}
