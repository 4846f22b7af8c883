package io.adtarget.meta;

/** Told about every call to Meta, once per attempt (bootstrap turns it into metrics). */
@FunctionalInterface
public interface MetaAttemptListener {

    void onAttempt(MetaAttempt attempt);

    /** A listener that ignores every attempt. */
    static MetaAttemptListener noOp() {
        return attempt -> {
        };
    }
}
