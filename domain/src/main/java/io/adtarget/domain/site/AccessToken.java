package io.adtarget.domain.site;

import java.util.Objects;

/** A Meta access token. Its {@code toString} never reveals it, so it cannot leak into logs by accident. */
public record AccessToken(String value) {
    public AccessToken {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 1024) {
            throw new IllegalArgumentException("metaAccessToken must be 1-1024 non-blank characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new IllegalArgumentException("metaAccessToken must contain visible ASCII characters only");
            }
        }
    }

    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }
}
