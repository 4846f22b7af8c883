package io.adtarget.application.port.in;

import io.vertx.core.Future;

/** One tick of the purge job: deletes records past the retention in bounded batches until none are left. */
public interface PurgeIdempotencyRecordsUseCase {
    /** How many records this tick deleted. */
    Future<Long> purge();
}
