package io.adtarget.http.attribution;

import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /track.js}: the dependency-free landing-page script (classpath {@code track/track.js}). */
public final class TrackScript {
    private final byte[] script;

    public TrackScript() {
        try (InputStream in = TrackScript.class.getResourceAsStream("/track/track.js")) {
            if (in == null) {
                throw new IllegalStateException("track/track.js is missing from the classpath");
            }
            script = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void handle(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/javascript; charset=utf-8")
                .putHeader("Cache-Control", "public, max-age=300")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Cross-Origin-Resource-Policy", "cross-origin")
                .end(io.vertx.core.buffer.Buffer.buffer(script));
    }
}
