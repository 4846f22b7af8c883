package io.adtarget.domain.shared;

/** Whether an API key (and a conversion recorded with it) is live or test. */
public enum KeyMode {
    LIVE("live"),
    TEST("test");

    private final String slug;

    KeyMode(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static KeyMode fromSlug(String slug) {
        for (KeyMode mode : values()) {
            if (mode.slug.equals(slug)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("mode must be live or test");
    }
}
