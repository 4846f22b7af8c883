package io.adtarget.domain.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule of what counts as a secret in text bound for a log or an error message: our API keys
 * ({@code atk_live_…}, {@code atk_test_…}), bearer credentials, Meta access tokens ({@code EAA…}) and the
 * value of an {@code access_token=} parameter. Callers choose the marker that replaces them.
 */
public final class SecretScrubber {
    private static final Pattern SECRETS = Pattern.compile(
            "(?i:(access_token=))[^&\\s\"']+"
                    + "|atk_(?:live|test|pub)_[0-9A-Za-z]+"
                    + "|(?i:bearer)\\s+\\S+"
                    + "|EAA[0-9A-Za-z]{10,}"
                    + "|(?<![0-9])[0-9]{1,20}(?::|%3[Aa])[A-Za-z0-9_-]{20,}");

    private SecretScrubber() {
    }

    /** {@code text} with every secret replaced by {@code marker}; an access_token parameter keeps its name. */
    public static String scrub(String text, String marker) {
        if (text == null) {
            return null;
        }
        Matcher matcher = SECRETS.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder scrubbed = new StringBuilder(text.length());
        do {
            String kept = matcher.group(1) == null ? "" : matcher.group(1);
            matcher.appendReplacement(scrubbed, Matcher.quoteReplacement(kept + marker));
        } while (matcher.find());
        return matcher.appendTail(scrubbed).toString();
    }
}
