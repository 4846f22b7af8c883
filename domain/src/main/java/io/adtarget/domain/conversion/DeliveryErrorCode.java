package io.adtarget.domain.conversion;

/** Classes of delivery failure (meta-capi.md, "Error classification"). */
public enum DeliveryErrorCode {
    META_UNAVAILABLE("meta-unavailable", true),
    META_RATE_LIMITED("meta-rate-limited", true),
    META_TIMEOUT("meta-timeout", true),
    META_REJECTED("meta-rejected", false),
    META_AUTH("meta-auth", false),
    ATTEMPTS_EXHAUSTED("attempts-exhausted", false),
    EVENT_TOO_OLD("event-too-old", false);

    private final String slug;
    private final boolean retryable;

    DeliveryErrorCode(String slug, boolean retryable) {
        this.slug = slug;
        this.retryable = retryable;
    }

    public String slug() {
        return slug;
    }

    /** Whether a failure of this class is worth another attempt. */
    public boolean retryable() {
        return retryable;
    }

    public static DeliveryErrorCode fromSlug(String slug) {
        for (DeliveryErrorCode code : values()) {
            if (code.slug.equals(slug)) {
                return code;
            }
        }
        throw new IllegalArgumentException("unknown delivery error code: " + slug);
    }
}
