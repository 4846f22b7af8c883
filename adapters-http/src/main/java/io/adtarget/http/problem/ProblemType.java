package io.adtarget.http.problem;

/** Every problem code of api.md with its status and fixed title. */
public enum ProblemType {
    VALIDATION_FAILED(400, "validation-failed", "Request body is invalid"),
    MALFORMED_REQUEST(400, "malformed-request", "Request is malformed"),
    INVALID_IDEMPOTENCY_KEY(400, "invalid-idempotency-key", "Idempotency-Key header is invalid"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    ORIGIN_NOT_ALLOWED(403, "origin-not-allowed", "Origin not allowed"),
    CHANNEL_NOT_FOUND(404, "channel-not-found", "Channel not found"),
    NOT_FOUND(404, "not-found", "Resource not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    IDEMPOTENCY_KEY_IN_USE(409, "idempotency-key-in-use", "Idempotency key in use"),
    CONFLICT(409, "conflict", "Conflict"),
    TELEGRAM_NOT_CONFIGURED(409, "telegram-not-configured", "Telegram is not configured"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency key reused with a different body"),
    RATE_LIMITED(429, "rate-limited", "Rate limit exceeded"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request headers too large"),
    INTERNAL_ERROR(500, "internal-error", "Internal server error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    HTTP_VERSION_NOT_SUPPORTED(505, "http-version-not-supported", "HTTP version not supported");

    private final int status;
    private final String code;
    private final String title;

    ProblemType(int status, String code, String title) {
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String typeUri() {
        return "/problems/" + code;
    }
}
