package io.adtarget.domain.attribution;

import java.util.Optional;

/** How a site's tracked invite links admit a visitor: one use each, or a join request we approve. */
public enum InviteMode {
    MEMBER_LIMIT("member-limit"), JOIN_REQUEST("join-request");

    private final String slug;

    InviteMode(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<InviteMode> fromSlug(String text) {
        for (InviteMode mode : values()) {
            if (mode.slug.equals(text)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
