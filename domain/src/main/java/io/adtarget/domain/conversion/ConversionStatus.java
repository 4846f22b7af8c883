package io.adtarget.domain.conversion;

/** Delivery status of a conversion; SENT is terminal. */
public enum ConversionStatus {
    PENDING("pending"),
    FAILED("failed"),
    SKIPPED("skipped"),
    SENT("sent");

    private final String slug;

    ConversionStatus(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static ConversionStatus fromSlug(String slug) {
        for (ConversionStatus status : values()) {
            if (status.slug.equals(slug)) {
                return status;
            }
        }
        throw new IllegalArgumentException("status must be one of pending, sent, failed, skipped");
    }
}
