package io.adtarget.http.problem;

import java.util.regex.Pattern;

/**
 * Scrubs secrets from failures before they are logged: API keys, bearer credentials and Meta
 * access tokens, should a lower layer ever have put one into an exception message.
 */
final class Redaction {
    private static final Pattern SECRETS = Pattern.compile(
            "atk_(live|test)_[0-9A-Za-z]+|(?i:bearer)\\s+\\S+|EAA[0-9A-Za-z]{10,}");

    private Redaction() {
    }

    static String scrub(String text) {
        return text == null ? null : SECRETS.matcher(text).replaceAll("[redacted]");
    }

    /** A copy of the failure chain with scrubbed messages and the original stack traces. */
    static Throwable scrub(Throwable failure) {
        if (failure == null) {
            return null;
        }
        Throwable copy = new RuntimeException(failure.getClass().getName() + ": " + scrub(failure.getMessage()),
                failure.getCause() == failure ? null : scrub(failure.getCause()));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }
}
