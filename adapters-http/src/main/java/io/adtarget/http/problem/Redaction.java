package io.adtarget.http.problem;

import io.adtarget.domain.shared.SecretScrubber;

/**
 * Scrubs secrets from failures before they are logged, should a lower layer ever have put one into an
 * exception message. What counts as a secret is {@link SecretScrubber}'s rule.
 */
final class Redaction {
    private Redaction() {
    }

    static String scrub(String text) {
        return SecretScrubber.scrub(text, "[redacted]");
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
