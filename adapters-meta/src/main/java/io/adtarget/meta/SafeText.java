package io.adtarget.meta;

import io.adtarget.domain.shared.SecretScrubber;
import java.util.regex.Pattern;

/** Makes text from Meta safe for logs and {@code lastError.message}: no token, short, one line. */
final class SafeText {
    static final String REDACTED = "<redacted>";
    static final int MAX_LENGTH = 200;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}]+");

    private SafeText() {
    }

    /** Removes {@code token} and whatever {@link SecretScrubber} counts as a secret, then truncates. */
    static String scrub(String text, String token) {
        if (text == null) {
            return "";
        }
        String safe = token == null || token.isEmpty() ? text : text.replace(token, REDACTED);
        safe = SecretScrubber.scrub(safe, REDACTED);
        safe = CONTROL.matcher(safe).replaceAll(" ").strip();
        return safe.length() <= MAX_LENGTH ? safe : safe.substring(0, MAX_LENGTH - 1) + "…";
    }
}
