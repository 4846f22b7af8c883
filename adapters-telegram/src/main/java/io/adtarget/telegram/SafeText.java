package io.adtarget.telegram;

import io.adtarget.domain.shared.SecretScrubber;
import io.adtarget.domain.telegram.BotToken;
import java.util.regex.Pattern;

/**
 * Makes text from Telegram safe to store, log and show: no bot token (whole, its secret half, or
 * URL-encoded), at most {@value #MAX_LENGTH} characters, one line, and none of the characters that
 * Postgres refuses (NUL), that forge log lines (CR, LF) or reorder them (bidi overrides).
 */
final class SafeText {
    static final String REDACTED = "<redacted>";
    static final int MAX_LENGTH = 500;
    /** Control (C0, C1), format (bidi overrides, zero-width) and lone surrogate code points, line separators. */
    private static final String UNSAFE = "\\p{Cc}\\p{Cf}\\p{Cs}\\u2028\\u2029";
    private static final Pattern UNSAFE_RUN = Pattern.compile("\\s*[" + UNSAFE + "][" + UNSAFE + "\\s]*");

    private SafeText() {
    }

    static String scrub(String text, BotToken token) {
        if (text == null) {
            return "";
        }
        // The shape rule first, so a token is replaced whole, encoded or not; then this token's secret anywhere.
        String safe = SecretScrubber.scrub(text, REDACTED);
        if (token != null) {
            String value = token.value();
            String secret = value.substring(value.indexOf(':') + 1);
            safe = safe.replace(value, REDACTED).replace(secret, REDACTED);
        }
        return bounded(UNSAFE_RUN.matcher(safe).replaceAll(" ").strip(), MAX_LENGTH);
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
