package io.adtarget.domain.userdata;

import java.util.Objects;

/** A rejected input value, named by its request path ({@code userData.email}); never carries the value itself. */
public record InvalidField(String field, String message) {
    public InvalidField {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
