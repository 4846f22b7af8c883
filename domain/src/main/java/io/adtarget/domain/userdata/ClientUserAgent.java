package io.adtarget.domain.userdata;

import java.util.regex.Pattern;

/** The browser's user agent as Meta's {@code client_user_agent} (never hashed): 1–512 characters, no control characters. */
public record ClientUserAgent(String value) {
    public static final int MAX_LENGTH = 512;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    public ClientUserAgent {
        if (problem(value) != null) {
            throw new IllegalArgumentException(problem(value));
        }
    }

    /** Why a user agent cannot be sent, or null when it can. */
    public static String problem(String value) {
        if (value == null || value.isBlank()) {
            return "must not be blank";
        }
        if (value.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        return CONTROL.matcher(value).find() ? "must not contain control characters" : null;
    }
}
