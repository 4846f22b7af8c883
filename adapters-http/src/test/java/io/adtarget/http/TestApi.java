package io.adtarget.http;

import io.adtarget.application.fake.InMemoryIdempotencyStore;
import io.adtarget.application.fake.MutableClock;
import io.adtarget.application.fake.VirtualTimers;
import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.application.port.in.ExecuteIdempotentlyUseCase;
import io.adtarget.application.port.in.IdempotentOutcome;
import io.adtarget.application.port.in.IdempotentRequest;
import io.adtarget.application.port.in.OwnedIdempotencyRecord;
import io.adtarget.application.port.out.Telemetry;
import io.adtarget.application.service.IdempotencyService;
import io.adtarget.application.service.IdempotencySettings;
import io.adtarget.domain.idempotency.StoredResponse;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.http.ops.ObservedRequest;
import io.adtarget.http.ops.OperationsEndpoints;
import io.adtarget.http.ops.ReadinessReport;
import io.vertx.core.Future;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One server per test class on port 0: the real router over faked use cases and the real
 * IdempotencyService on an in-memory store; tests call it with a WebClient, blocking on the test thread.
 */
public final class TestApi {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123Z");
    public static final String LIVE_KEY = "atk_live_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0";
    static final String OTHER_KEY = "atk_test_" + "Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2H1g0";
    static final String UNKNOWN_KEY = "atk_live_" + "0000000000000000000000000000000000000000";
    static final String ADMIN_TOKEN = "adm-7f3c9e1a4b2d8f6e0a9c7b5d3e1f2a4c";
    static final ApiPrincipal LIVE = new ApiPrincipal(new AccountId(UUID.fromString("00000000-0000-4000-8000-00000000000a")),
            new ApiKeyId(UUID.fromString("00000000-0000-4000-8000-0000000000d1")), KeyMode.LIVE);
    static final ApiPrincipal OTHER = new ApiPrincipal(new AccountId(UUID.fromString("00000000-0000-4000-8000-00000000000b")),
            new ApiKeyId(UUID.fromString("00000000-0000-4000-8000-0000000000d2")), KeyMode.TEST);

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final FakeConversions conversions = new FakeConversions();
    final FakeAdministration administration = new FakeAdministration(clock);
    final FakeConsole console = new FakeConsole(conversions);
    volatile InMemoryIdempotencyStore store;
    final BlockingQueue<ObservedRequest> observed = new LinkedBlockingQueue<>();
    volatile ExecuteIdempotentlyUseCase idempotency;
    volatile Future<ReadinessReport> readiness = Future.succeededFuture(new ReadinessReport(List.of()));
    Router router;
    private HttpServer server;
    private WebClient client;

    private TestApi() {
        freshIdempotency();
        conversions.keys.put(LIVE_KEY, LIVE);
        conversions.keys.put(OTHER_KEY, OTHER);
    }

    static TestApi start(Vertx vertx) {
        return start(vertx, ADMIN_TOKEN);
    }

    static TestApi start(Vertx vertx, String adminToken) {
        TestApi api = new TestApi();
        Handler<RoutingContext> metrics = ctx -> ctx.response().putHeader("Content-Type", "text/plain").end("up 1\n");
        OperationsEndpoints operations = new OperationsEndpoints() {
            @Override
            public Future<ReadinessReport> readiness() {
                return api.readiness;
            }

            @Override
            public Handler<RoutingContext> metricsHandler() {
                return metrics;
            }
        };
        HttpDependencies deps = new HttpDependencies(api.conversions, api.conversions, api.conversions,
                api.conversions, delegatingTo(api), api.administration,
                api.administration, api.clock, adminToken, true, operations, api.observed::add,
                new HttpDependencies.Console(api.console, api.console, api.console, api.console, api.console));
        api.router = ApiRouter.create(vertx, deps, unusedAttribution());
        api.server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
                .requestHandler(api.router)
                .connectionHandler(ApiRouter.connectionHandler())
                .invalidRequestHandler(ApiRouter.invalidRequestHandler())
                .listen(0).await();
        api.client = WebClient.create(vertx);
        return api;
    }

    int port() {
        return server.actualPort();
    }

    /** Back to a clean state between the tests of one class. */
    void reset() {
        conversions.reset();
        console.reset();
        freshIdempotency();
        observed.clear();
        readiness = Future.succeededFuture(new ReadinessReport(List.of()));
    }

    /** A new in-memory store under the real IdempotencyService, on its own virtual clock. */
    private void freshIdempotency() {
        MutableClock serviceClock = new MutableClock(NOW);
        store = new InMemoryIdempotencyStore();
        idempotency = new IdempotencyService(store, new VirtualTimers(serviceClock), serviceClock,
                new SplittableRandom(11), IdempotencySettings.defaults(), Telemetry.NOOP);
    }

    HttpRequest<Buffer> request(HttpMethod method, String uri) {
        return client.request(method, port(), "localhost", uri);
    }

    HttpResponse<Buffer> get(String uri, String bearer) {
        HttpRequest<Buffer> request = request(HttpMethod.GET, uri);
        if (bearer != null) {
            request.putHeader("Authorization", "Bearer " + bearer);
        }
        return request.send().await();
    }

    HttpResponse<Buffer> send(HttpMethod method, String uri, String bearer, String json) {
        HttpRequest<Buffer> request = request(method, uri).putHeader("Content-Type", "application/json");
        if (bearer != null) {
            request.putHeader("Authorization", "Bearer " + bearer);
        }
        return json == null ? request.send().await() : request.sendBuffer(Buffer.buffer(json)).await();
    }

    HttpResponse<Buffer> postConversion(String json) {
        return send(HttpMethod.POST, "/api/v1/events/conversion", LIVE_KEY, json);
    }

    HttpResponse<Buffer> postConversion(String json, String idempotencyKey) {
        return request(HttpMethod.POST, "/api/v1/events/conversion").bearerTokenAuthentication(LIVE_KEY)
                .putHeader("Content-Type", "application/json").putHeader("Idempotency-Key", idempotencyKey)
                .sendBuffer(Buffer.buffer(json)).await();
    }

    HttpResponse<Buffer> postConversion(String json, Map<String, String> headers) {
        HttpRequest<Buffer> request = request(HttpMethod.POST, "/api/v1/events/conversion")
                .bearerTokenAuthentication(LIVE_KEY).putHeader("Content-Type", "application/json");
        headers.forEach(request::putHeader);
        return request.sendBuffer(Buffer.buffer(json)).await();
    }

    /** The next request the observer was told about (waits up to 5 s for it). */
    ObservedRequest nextObserved() {
        try {
            ObservedRequest next = observed.poll(5, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("the observer was not called");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    void close() {
        client.close();
        server.close().await();
    }

    /** Forwards to whatever idempotency service the test installed, so tests can swap it. */
    private static ExecuteIdempotentlyUseCase delegatingTo(TestApi api) {
        return new ExecuteIdempotentlyUseCase() {
            @Override
            public Future<IdempotentOutcome> execute(IdempotentRequest request,
                    Supplier<Future<StoredResponse>> action) {
                return api.idempotency.execute(request, action);
            }

            @Override
            public Future<IdempotentOutcome> executeOwned(IdempotentRequest request,
                    Function<OwnedIdempotencyRecord, Future<StoredResponse>> action) {
                return api.idempotency.executeOwned(request, action);
            }

            @Override
            public Future<Optional<IdempotentOutcome>> replayIfCompleted(IdempotentRequest request) {
                return api.idempotency.replayIfCompleted(request);
            }
        };
    }

    /** A stub idempotency service written as a lambda: it executes, and never has a stored answer to replay. */
    @FunctionalInterface
    interface ExecuteOnly extends ExecuteIdempotentlyUseCase {
        @Override
        default Future<Optional<IdempotentOutcome>> replayIfCompleted(IdempotentRequest request) {
            return Future.succeededFuture(Optional.empty());
        }

        /** The stub owns no stored record: the action's own write can complete nothing. */
        @Override
        default Future<IdempotentOutcome> executeOwned(IdempotentRequest request,
                Function<OwnedIdempotencyRecord, Future<StoredResponse>> action) {
            return execute(request, () -> action.apply(new OwnedIdempotencyRecord(request.scope(), "stub-owner")));
        }
    }

    /** The attribution endpoints mounted (the route and document checks see them) over use cases no test here calls. */
    static AttributionEndpoints unusedAttribution() {
        return new AttributionEndpoints(unused(io.adtarget.application.port.in.ManagePublishableKeysUseCase.class),
                unused(io.adtarget.application.port.in.AuthenticatePublishableKeyUseCase.class),
                unused(io.adtarget.application.port.in.ConnectTelegramUseCase.class),
                unused(io.adtarget.application.port.in.CaptureVisitUseCase.class),
                unused(io.adtarget.application.port.in.HandleTelegramUpdateUseCase.class),
                unused(io.adtarget.application.port.in.ChannelStatsUseCase.class),
                unused(io.adtarget.application.port.in.LimitVisitRateUseCase.class), null);
    }

    private static <T> T unused(Class<T> type) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> io.vertx.core.Future.failedFuture(
                        new UnsupportedOperationException(method.getName() + " is not faked in TestApi"))));
    }
}
