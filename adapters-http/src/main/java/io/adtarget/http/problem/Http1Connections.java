package io.adtarget.http.problem;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.Http1xServerConnection;

/**
 * Gives each HTTP/1.x connection a request decoder whose refusals {@link InvalidRequests} can answer
 * precisely, where Vert.x 5.0's own decoder leaves two inputs to Vert.x:
 * <ul>
 * <li>A header value with a control character: Vert.x's decoder refuses it without naming the
 * header, so an {@code Idempotency-Key} (semantics §1: {@code invalid-idempotency-key}) could not be
 * told from any other header. Netty's decoder, with the same limits and validation, names it.
 * <li>A request line of another version than HTTP/1.0 or 1.1 ({@code GET / HTTP/2.0} over plain
 * TCP): Vert.x's request dispatcher answered it with an empty 501. This decoder refuses the line, so
 * it reaches the invalid-request handler, which answers {@code 505 http-version-not-supported}.
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

    @Override
    public void handle(HttpConnection connection) {
        if (connection instanceof Http1xServerConnection http1) {
            ChannelPipeline pipeline = http1.channelHandlerContext().pipeline();
            // with h2c on, the first request is decoded before this runs: swapping then would hand
            // the rest of its bytes to a fresh decoder, so the swap needs h2c off (see above)
            if (pipeline.get(DECODER) != null && pipeline.get(H2C) == null) {
                pipeline.replace(DECODER, DECODER, new Decoder());
            }
        }
    }

    /** Netty's request decoder with Vert.x's limits; refuses versions other than HTTP/1.0 and 1.1. */
    private static final class Decoder extends HttpRequestDecoder {
        Decoder() {
            super(new HttpDecoderConfig()
                    .setMaxInitialLineLength(MAX_REQUEST_LINE)
                    .setMaxHeaderSize(MAX_HEADERS)
                    .setMaxChunkSize(8192)
                    .setInitialBufferSize(128)
                    .setValidateHeaders(true));
        }

        @Override
        protected HttpMessage createMessage(String[] initialLine) throws Exception {
            HttpMessage message = super.createMessage(initialLine);
            if (message.protocolVersion() != HttpVersion.HTTP_1_1 && message.protocolVersion() != HttpVersion.HTTP_1_0) {
                throw new UnsupportedHttpVersion();
            }
            return message;
        }
    }

    /** The request line named a version this server does not speak; becomes a 505 problem. */
    static final class UnsupportedHttpVersion extends Exception {
        UnsupportedHttpVersion() {
            super("unsupported HTTP version", null, false, false);
        }
    }
}
