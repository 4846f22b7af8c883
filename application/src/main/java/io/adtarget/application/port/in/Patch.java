package io.adtarget.application.port.in;

import java.util.Objects;

/** A field of a partial update: left as it is, set to a value, or cleared (JSON null). */
public sealed interface Patch<T> {
    record Keep<T>() implements Patch<T> {
    }

    record Set<T>(T value) implements Patch<T> {
        public Set {
            Objects.requireNonNull(value, "value");
        }
    }

    record Clear<T>() implements Patch<T> {
    }

    static <T> Patch<T> keep() {
        return new Keep<>();
    }

    static <T> Patch<T> set(T value) {
        return new Set<>(value);
    }

    static <T> Patch<T> clear() {
        return new Clear<>();
    }

    /** The patched value given the current one (null when cleared). */
    default T apply(T current) {
        if (this instanceof Set<T> set) {
            return set.value();
        }
        return this instanceof Clear<T> ? null : current;
    }
}
