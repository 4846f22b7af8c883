package io.adtarget.application.port.in;

import io.vertx.core.Future;

/** One tick of the visit purge: deletes visits older than VISIT_RETENTION; the number deleted. */
public interface PurgeVisitsUseCase {
    Future<Long> purge();
}
