package io.adtarget.bootstrap.storms;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What one client saw for one request: status, headers, exact body bytes, latency — or the transport failure. */
record Answer(int index, int status, Map<String, String> headers, byte[] body, long latencyNanos, Throwable failure) {

    boolean acknowledged() {
        return failure == null && status >= 200 && status < 300;
    }

    boolean answered() {
        return failure == null;
    }

    String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    JsonObject json() {
        return new JsonObject(new String(body, StandardCharsets.UTF_8));
    }

    String text() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return failure != null ? "#" + index + " failed: " + failure : "#" + index + " " + status + " " + text();
    }
}
