package io.adtarget.bootstrap;

import io.adtarget.http.ApiRouter;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** One HTTP server instance on its event loop; several instances share the port. */
final class HttpVerticle extends VerticleBase {
    static final Duration DRAIN = Duration.ofSeconds(10);
    private final Function<Vertx, Router> routerFactory;
    private final String host;
    private final int port;
    private final AtomicInteger boundPort;
    private HttpServer server;

    /** {@code boundPort} receives the port actually listened on (the same for every instance). */
    HttpVerticle(Function<Vertx, Router> routerFactory, String host, int port, AtomicInteger boundPort) {
        this.routerFactory = routerFactory;
        this.host = host;
        this.port = port;
        this.boundPort = boundPort;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setCompressionSupported(false)
                // HTTP/1.1 only on plain TCP: the connection set-up of ApiRouter.connectionHandler needs it
                .setHttp2ClearTextEnabled(false)
                .setIdleTimeout(60)
                .setIdleTimeoutUnit(TimeUnit.SECONDS);
        server = vertx.createHttpServer(options)
                .requestHandler(routerFactory.apply(vertx))
                .connectionHandler(ApiRouter.connectionHandler())
                .invalidRequestHandler(ApiRouter.invalidRequestHandler());
        return server.listen().onSuccess(listening -> boundPort.set(listening.actualPort()));
    }

    /** Stops accepting and lets in-flight requests finish, up to {@link #DRAIN}. */
    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.shutdown(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
    }
}
