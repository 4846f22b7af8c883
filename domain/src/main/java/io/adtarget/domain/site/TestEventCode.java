package io.adtarget.domain.site;

import java.util.Objects;

/** Meta's test_event_code for the Test Events tool: 1–100 visible ASCII characters. */
public record TestEventCode(String value) {
    public TestEventCode {
        Objects.requireNonNull(value, "value");
        if (!value.matches("^[\\x21-\\x7E]{1,100}$")) {
            throw new IllegalArgumentException("testEventCode must be 1-100 visible ASCII characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
