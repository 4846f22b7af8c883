package io.adtarget.domain.userdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Meta's {@code action_source}: where the conversion happened. {@code chat} (a messaging app) is the default.
 * {@code app} is not offered: Meta requires {@code app_data} with it, which conversions do not carry.
 */
public enum ActionSource {
    CHAT, WEBSITE, EMAIL, PHONE_CALL, PHYSICAL_STORE, SYSTEM_GENERATED, BUSINESS_MESSAGING, OTHER;

    public static final ActionSource DEFAULT = CHAT;

    /** The value on Meta's wire and in our API ({@code phone_call}). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActionSource> fromWire(String value) {
        for (ActionSource source : values()) {
            if (source.wire().equals(value)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    /** What Meta requires beside this source: a website event needs its page URL and the browser's user agent. */
    public List<InvalidField> missingRequirements(boolean hasEventSourceUrl, boolean hasUserAgent) {
        List<InvalidField> missing = new ArrayList<>();
        if (this == WEBSITE && !hasEventSourceUrl) {
            missing.add(new InvalidField("eventSourceUrl", "is required when actionSource is website"));
        }
        if (this == WEBSITE && !hasUserAgent) {
            missing.add(new InvalidField(UserDataNormaliser.PREFIX + "clientUserAgent",
                    "is required when actionSource is website (body or X-Adtarget-Client-User-Agent)"));
        }
        return missing;
    }
}
