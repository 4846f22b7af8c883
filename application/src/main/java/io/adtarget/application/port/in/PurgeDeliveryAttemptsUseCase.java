package io.adtarget.application.port.in;

import io.vertx.core.Future;

/** One tick of the attempt purge: deletes delivery attempts older than DELIVERY_ATTEMPT_RETENTION; the number deleted. */
public interface PurgeDeliveryAttemptsUseCase {
    Future<Long> purge();
}
