package io.adtarget.domain.conversion;

/** Why a conversion was not delivered to Meta. */
public enum SkipReason {
    META_NOT_CONFIGURED("meta-not-configured"),
    SITE_DISABLED("site-disabled"),
    TEST_EVENT_CODE_MISSING("test-event-code-missing");

    private final String slug;

    SkipReason(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static SkipReason fromSlug(String slug) {
        for (SkipReason reason : values()) {
            if (reason.slug.equals(slug)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown skip reason: " + slug);
    }
}
