package io.adtarget.domain.idempotency;

import java.util.Set;

/** Which responses are kept for replay (semantics §1). */
public final class IdempotencyPolicy {
    /** Rejections before execution: the key stays free so a corrected retry executes. */
    private static final Set<Integer> REJECTED_BEFORE_EXECUTION = Set.of(400, 401, 413, 415);

    private IdempotencyPolicy() {
    }

    /**
     * Every response of an executed request below 500 is stored; 5xx are not (our operations are
     * safe to re-execute and a stored 5xx would make the retry useless), nor are pre-execution rejections.
     */
    public static boolean isStorable(int status) {
        return status >= 200 && status < 500 && !REJECTED_BEFORE_EXECUTION.contains(status);
    }
}
