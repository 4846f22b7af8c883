package io.adtarget.http.problem;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.VertxConnection;

/**
 * A body whose framing the decoder refuses (a chunk size that is not hex …): Vert.x fails the request
 * and closes the channel inside the same read, before the read's writes are flushed, so an answer
 * written then would be dropped. Flushing at once lets the client read its 400 before the close.
 */
final class FramingErrors {
    private FramingErrors() {
    }

    /** Sends what the connection has buffered now; Vert.x 5.0's connection type, else nothing to do. */
    static void flushNow(HttpConnection connection) {
        if (connection instanceof VertxConnection buffered) {
            buffered.flush();
        }
    }
}
