package io.adtarget.domain.conversion;

/** A state change the state machine does not allow: a programming error, never a user error. */
public final class IllegalTransitionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String transition, ConversionStatus from) {
        super("illegal transition " + transition + " from " + from);
    }

    public IllegalTransitionException(String message) {
        super(message);
    }
}
