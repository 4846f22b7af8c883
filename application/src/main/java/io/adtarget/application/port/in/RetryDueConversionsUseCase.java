package io.adtarget.application.port.in;

import io.vertx.core.Future;

/** One tick of the retry worker: claims a bounded batch of due conversions and delivers each. */
public interface RetryDueConversionsUseCase {
    /** How many conversions this tick claimed. */
    Future<Integer> retryDue();
}
