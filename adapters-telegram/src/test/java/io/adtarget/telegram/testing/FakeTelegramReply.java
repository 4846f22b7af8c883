package io.adtarget.telegram.testing;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Objects;

/**
 * A scripted answer of {@link FakeTelegramBotApi} for one call, whatever its method and token: a Bot API
 * refusal, a raw HTTP answer, an oversized or slow one. {@link #normal()} lets the fake answer as Telegram would.
 */
public final class FakeTelegramReply {
    enum Kind { NORMAL, RESPOND, OVERSIZED, HANG }

    private final Kind kind;
    private final int status;
    private final String contentType;
    private final String body;
    private final int size;
    private final Duration delay;

    private FakeTelegramReply(Kind kind, int status, String contentType, String body, int size, Duration delay) {
        this.kind = kind;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.size = size;
        this.delay = Objects.requireNonNull(delay, "delay");
    }

    /** What Telegram would answer (the fake's own behaviour); with {@link #after} it is a slow answer. */
    public static FakeTelegramReply normal() {
        return new FakeTelegramReply(Kind.NORMAL, 0, null, null, 0, Duration.ZERO);
    }

    /** {@code {"ok": false, "error_code": code, "description": description}} with HTTP status {@code code}. */
    public static FakeTelegramReply refuse(int code, String description) {
        JsonObject answer = new JsonObject().put("ok", false).put("error_code", code).put("description", description);
        return status(code, "application/json", answer.encode());
    }

    /** 429 with {@code parameters.retry_after}, as the Bot API's flood control answers. */
    public static FakeTelegramReply tooManyRequests(int retryAfterSeconds) {
        JsonObject answer = new JsonObject().put("ok", false).put("error_code", 429)
                .put("description", "Too Many Requests: retry after " + retryAfterSeconds)
                .put("parameters", new JsonObject().put("retry_after", retryAfterSeconds));
        return status(429, "application/json", answer.encode());
    }

    /** A raw answer: e.g. a proxy's 502 page, or a 500. */
    public static FakeTelegramReply status(int status, String contentType, String body) {
        return new FakeTelegramReply(Kind.RESPOND, status, contentType, Objects.requireNonNull(body, "body"), 0,
                Duration.ZERO);
    }

    /** 200 with a body that is no JSON at all. */
    public static FakeTelegramReply garbage() {
        return status(200, "text/plain", "<<garbage>> {\"ok\":tru");
    }

    /** 200 with a well-formed Bot API answer of {@code bytes} bytes, streamed in chunks without a length. */
    public static FakeTelegramReply oversized(int bytes) {
        return new FakeTelegramReply(Kind.OVERSIZED, 200, "application/json", null, bytes, Duration.ZERO);
    }

    /** Never answers. */
    public static FakeTelegramReply hang() {
        return new FakeTelegramReply(Kind.HANG, 0, null, null, 0, Duration.ZERO);
    }

    /** The same answer, sent only after {@code wait}. */
    public FakeTelegramReply after(Duration wait) {
        return new FakeTelegramReply(kind, status, contentType, body, size, wait);
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    String body() {
        return body;
    }

    int size() {
        return size;
    }

    Duration delay() {
        return delay;
    }
}
