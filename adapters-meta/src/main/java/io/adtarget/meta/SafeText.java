package io.adtarget.meta;

import io.adtarget.domain.shared.SecretScrubber;
import java.util.regex.Pattern;

/**
 * Makes text from Meta safe to store and log: no token, short, one line, and none of the characters
 * that Postgres refuses in text (NUL), that forge log lines (CR, LF) or reorder them (bidi overrides).
 */
final class SafeText {
    static final String REDACTED = "<redacted>";
    static final int MAX_LENGTH = 200;
    /** Meta's trace ids are about a dozen characters; anything much longer is not one. */
    static final int MAX_TRACE_LENGTH = 64;
    /** Control (C0, C1), format (bidi overrides, zero-width) and lone surrogate code points, line separators. */
    private static final String UNSAFE = "\\p{Cc}\\p{Cf}\\p{Cs}\\u2028\\u2029";
    private static final Pattern UNSAFE_RUN = Pattern.compile("\\s*[" + UNSAFE + "][" + UNSAFE + "\\s]*");
    private static final Pattern NOT_TRACE = Pattern.compile("[^A-Za-z0-9_\\-+/=.:]+");

    private SafeText() {
    }

    /** Removes {@code token} and whatever {@link SecretScrubber} counts as a secret, then truncates. */
    static String scrub(String text, String token) {
        if (text == null) {
            return "";
        }
        String safe = token == null || token.isEmpty() ? text : text.replace(token, REDACTED);
        safe = SecretScrubber.scrub(safe, REDACTED);
        return bounded(UNSAFE_RUN.matcher(safe).replaceAll(" ").strip(), MAX_LENGTH);
    }

    /**
     * A trace id from Meta as something safe to store: only the characters trace ids are made of, at
     * most {@value #MAX_TRACE_LENGTH} of them; {@code null} when nothing is left.
     */
    static String traceId(String text) {
        if (text == null) {
            return null;
        }
        String safe = NOT_TRACE.matcher(text).replaceAll("");
        if (safe.isEmpty()) {
            return null;
        }
        return safe.length() <= MAX_TRACE_LENGTH ? safe : safe.substring(0, MAX_TRACE_LENGTH);
    }

    private static String bounded(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }
}
