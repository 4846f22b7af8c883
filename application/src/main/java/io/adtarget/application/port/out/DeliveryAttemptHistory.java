package io.adtarget.application.port.out;

import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.DeliveryAttempt;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/** Reads back the attempts {@link DeliveryAttemptLog} kept, and forgets them after their retention. */
public interface DeliveryAttemptHistory {

    /** The newest {@code limit} attempts of one conversion, oldest first. */
    Future<List<DeliveryAttempt>> ofConversion(ConversionId conversionId, int limit);

    /** Deletes up to {@code limit} attempts made before {@code cutoff}; the number deleted. */
    Future<Integer> purgeBatch(Instant cutoff, int limit);
}
