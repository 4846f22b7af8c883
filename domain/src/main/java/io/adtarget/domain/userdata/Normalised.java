package io.adtarget.domain.userdata;

/** The outcome of normalising one raw value: the normalised text, or why it was refused. */
public sealed interface Normalised {
    /** The value in the form Meta hashes (or sends raw). */
    record Value(String text) implements Normalised {
    }

    /** The value cannot be used; {@code message} says why without repeating the value. */
    record Refused(String message) implements Normalised {
    }

    static Normalised value(String text) {
        return new Value(text);
    }

    static Normalised refused(String message) {
        return new Refused(message);
    }
}
