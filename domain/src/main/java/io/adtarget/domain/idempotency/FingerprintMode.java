package io.adtarget.domain.idempotency;

/** Whether a replay compares the request body with the first one (off by default, as the seed says). */
public enum FingerprintMode {
    OFF("off"),
    WARN("warn"),
    REJECT("reject");

    private final String slug;

    FingerprintMode(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static FingerprintMode fromSlug(String slug) {
        for (FingerprintMode mode : values()) {
            if (mode.slug.equalsIgnoreCase(slug)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("must be off, warn or reject");
    }
}
