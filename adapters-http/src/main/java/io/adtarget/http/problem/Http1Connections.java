package io.adtarget.http.problem;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.Http1xServerConnection;

/**
 * Sets up each HTTP/1.x connection so two inputs Vert.x 5.0 answers on its own get our problems:
 * <ul>
 * <li>A request line of another version ({@code GET / HTTP/2.0} over plain TCP): Vert.x's request
 * dispatcher answers it with an empty 501 before any handler runs, so the connection gets this
 * dispatcher instead, which answers {@code 505 http-version-not-supported} and hands every other
 * request to the router. (Vert.x's dispatcher otherwise only adds WebSockets, which we do not serve.)
 * <li>A header value with a control character: Vert.x's decoder refuses it without naming the
 * header, so {@link InvalidRequests} could not tell an {@code Idempotency-Key} (semantics §1:
 * {@code invalid-idempotency-key}) from any other. The connection gets Netty's decoder with the same
 * limits and the same validation, whose refusal names the header.
 * </ul>
 * Pass to {@code HttpServer.connectionHandler} of a server with {@code setHttp2ClearTextEnabled(false)}
 * (the service offers no HTTP/2 over plain TCP; with h2c on, Vert.x decodes the first request before
 * this runs). It relies on Vert.x 5.0's connection type and the pipeline's {@code httpDecoder} name;
 * {@code HostileHttpTest} fails if either changes.
 */
public final class Http1Connections implements Handler<HttpConnection> {
    /** Vert.x's defaults, which {@link InvalidRequests}' 414 and 431 details name. */
    static final int MAX_REQUEST_LINE = 4096;
    static final int MAX_HEADERS = 8192;
    private static final String DECODER = "httpDecoder";
    private static final String H2C = "h2c";

    private final Handler<HttpServerRequest> requests;

    public Http1Connections(Handler<HttpServerRequest> requests) {
        this.requests = requests;
    }

    @Override
    public void handle(HttpConnection connection) {
        if (connection instanceof Http1xServerConnection http1) {
            ChannelPipeline pipeline = http1.channelHandlerContext().pipeline();
            // with h2c enabled the first request is decoded before this runs: swapping then would
            // hand the rest of its bytes to a fresh decoder, so the swap needs h2c off (see the servers)
            if (pipeline.get(DECODER) != null && pipeline.get(H2C) == null) {
                pipeline.replace(DECODER, DECODER, new HttpRequestDecoder(new HttpDecoderConfig()
                        .setMaxInitialLineLength(MAX_REQUEST_LINE)
                        .setMaxHeaderSize(MAX_HEADERS)
                        .setMaxChunkSize(8192)
                        .setInitialBufferSize(128)
                        .setValidateHeaders(true)));
            }
            http1.handler(this::dispatch);
        }
    }

    private void dispatch(HttpServerRequest request) {
        if (request.version() == null) {
            InvalidRequests.answerAndClose(request, Problem.of(ProblemType.HTTP_VERSION_NOT_SUPPORTED,
                    "this service speaks HTTP/1.1 (and HTTP/1.0) on this port"));
        } else {
            requests.handle(request);
        }
    }
}
