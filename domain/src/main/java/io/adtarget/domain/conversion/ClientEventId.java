package io.adtarget.domain.conversion;

import java.util.Objects;

/** A client-supplied event id: 1–100 visible ASCII characters (0x21–0x7E). */
public record ClientEventId(String value) {
    public ClientEventId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 100) {
            throw new IllegalArgumentException("eventId must be 1-100 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new IllegalArgumentException("eventId must contain visible ASCII characters only");
            }
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
