package io.adtarget.domain.idempotency;

import java.util.Objects;

/**
 * A client's Idempotency-Key: 1–128 characters, each visible ASCII or space (0x20–0x7E).
 * {@link #fromHeader} applies the header rules first: outer spaces trimmed, an RFC 8941 sf-string
 * ("…" with \" and \\ escapes) unquoted, then trimmed again, so {@code "  abc  "} is the key {@code abc}
 * and {@code "   "} is empty, hence invalid.
 */
public record IdempotencyKey(String value) {
    public static final int MAX_LENGTH = 128;

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Idempotency-Key must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Idempotency-Key must be at most 128 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(
                        "Idempotency-Key must contain visible ASCII characters or spaces only");
            }
        }
    }

    /** Parses a raw header value; throws {@link IllegalArgumentException} with a client-safe message. */
    public static IdempotencyKey fromHeader(String raw) {
        Objects.requireNonNull(raw, "raw");
        String trimmed = trimSpaces(raw);
        if (trimmed.length() >= 2 && trimmed.charAt(0) == '"' && trimmed.charAt(trimmed.length() - 1) == '"') {
            return new IdempotencyKey(trimSpaces(unquote(trimmed.substring(1, trimmed.length() - 1))));
        }
        return new IdempotencyKey(trimmed);
    }

    private static String trimSpaces(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) == ' ') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) == ' ') {
            end--;
        }
        return raw.substring(start, end);
    }

    private static String unquote(String inner) {
        StringBuilder out = new StringBuilder(inner.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\') {
                if (i + 1 >= inner.length() || (inner.charAt(i + 1) != '"' && inner.charAt(i + 1) != '\\')) {
                    throw new IllegalArgumentException("Idempotency-Key has an invalid escape in its quoted form");
                }
                out.append(inner.charAt(++i));
            } else if (c == '"') {
                throw new IllegalArgumentException("Idempotency-Key has an unescaped quote in its quoted form");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
