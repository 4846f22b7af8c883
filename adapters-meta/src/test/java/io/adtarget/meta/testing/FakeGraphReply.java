package io.adtarget.meta.testing;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link FakeGraphApi} answers one request: a status and body, optionally after a delay; or it
 * never answers; or it drops the connection half-way through the response; or it trickles forever.
 */
public record FakeGraphReply(Kind kind, int status, String contentType, String body, Duration delay,
        Map<String, String> headers) {

    /** What the fake does with the connection. */
    public enum Kind { RESPOND, HANG, DROP_MID_RESPONSE, TRICKLE }

    public FakeGraphReply {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public FakeGraphReply(Kind kind, int status, String contentType, String body, Duration delay) {
        this(kind, status, contentType, body, delay, Map.of());
    }

    /** Meta's success: 200 with {@code events_received} = number of events and a fake fbtrace_id. */
    public static FakeGraphReply accept() {
        return new FakeGraphReply(Kind.RESPOND, 200, "application/json", null, Duration.ZERO);
    }

    /** Any status with any body (HTML, empty, a 200 without events_received …). */
    public static FakeGraphReply status(int status, String contentType, String body) {
        return new FakeGraphReply(Kind.RESPOND, status, contentType, body, Duration.ZERO);
    }

    /** A JSON body with the given status. */
    public static FakeGraphReply json(int status, JsonObject body) {
        return status(status, "application/json", body.encode());
    }

    /** Meta's error shape: {@code {"error": {message, type, code, error_subcode?, is_transient, fbtrace_id}}}. */
    public static FakeGraphReply metaError(int status, int code, Integer subcode, boolean isTransient, String message) {
        JsonObject error = new JsonObject()
                .put("message", message)
                .put("type", code == 190 ? "OAuthException" : "GraphMethodException")
                .put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("is_transient", isTransient).put("fbtrace_id", "fake-error-trace-" + code);
        return json(status, new JsonObject().put("error", error));
    }

    /** Reads the request and never answers. */
    public static FakeGraphReply hang() {
        return new FakeGraphReply(Kind.HANG, 0, null, null, Duration.ZERO);
    }

    /** Sends the status line and part of a body, then closes the connection. */
    public static FakeGraphReply dropMidResponse() {
        return new FakeGraphReply(Kind.DROP_MID_RESPONSE, 200, "application/json", "{\"events_rec", Duration.ZERO);
    }

    /**
     * Answers 200 at once, then sends one byte of whitespace every {@code interval} and never finishes:
     * the connection is never idle, so only an overall deadline ends the call.
     */
    public static FakeGraphReply trickle(Duration interval) {
        return new FakeGraphReply(Kind.TRICKLE, 200, "application/json", " ", interval);
    }

    /** The same answer, sent only after {@code wait}. */
    public FakeGraphReply after(Duration wait) {
        return new FakeGraphReply(kind, status, contentType, body, wait, headers);
    }

    /** The same answer with one more response header (Retry-After, X-Business-Use-Case-Usage …). */
    public FakeGraphReply withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new FakeGraphReply(kind, status, contentType, body, delay, more);
    }

    /**
     * Meta throttling the app: {@code error.code} (4, 17, 32, 613 …) with an
     * {@code X-Business-Use-Case-Usage} header estimating the minutes until access is regained.
     */
    public static FakeGraphReply throttled(int status, int code, int regainMinutes) {
        String usage = new JsonObject().put("1234567890", new io.vertx.core.json.JsonArray().add(new JsonObject()
                .put("type", "ads_management").put("call_count", 100).put("total_cputime", 25)
                .put("total_time", 25).put("estimated_time_to_regain_access", regainMinutes))).encode();
        return metaError(status, code, null, false, "(#" + code + ") User request limit reached")
                .withHeader("X-Business-Use-Case-Usage", usage);
    }
}
