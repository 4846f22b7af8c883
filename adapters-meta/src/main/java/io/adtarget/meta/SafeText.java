package io.adtarget.meta;

import java.util.regex.Pattern;

/** Makes text from Meta safe for logs and {@code lastError.message}: no token, short, one line. */
final class SafeText {
    static final String REDACTED = "<redacted>";
    static final int MAX_LENGTH = 200;
    private static final Pattern TOKEN_PARAMETER = Pattern.compile("(?i)(access_token=)[^&\\s\"']+");
    /** Meta user and system-user tokens start with EAA followed by a long base62 string. */
    private static final Pattern META_TOKEN = Pattern.compile("EAA[A-Za-z0-9]{16,}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}]+");

    private SafeText() {
    }

    /** Removes {@code token}, anything shaped like a Meta token or an access_token parameter, and truncates. */
    static String scrub(String text, String token) {
        if (text == null) {
            return "";
        }
        String safe = token == null || token.isEmpty() ? text : text.replace(token, REDACTED);
        safe = TOKEN_PARAMETER.matcher(safe).replaceAll("$1" + REDACTED);
        safe = META_TOKEN.matcher(safe).replaceAll(REDACTED);
        safe = CONTROL.matcher(safe).replaceAll(" ").strip();
        return safe.length() <= MAX_LENGTH ? safe : safe.substring(0, MAX_LENGTH - 1) + "…";
    }
}
