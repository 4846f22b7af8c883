package io.adtarget.application.port.out;

import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.DeliveryAttempt;
import io.vertx.core.Future;
import java.util.List;

/** Reads back the attempts {@link DeliveryAttemptLog} kept. */
public interface DeliveryAttemptHistory {

    /** The newest {@code limit} attempts of one conversion, oldest first. */
    Future<List<DeliveryAttempt>> ofConversion(ConversionId conversionId, int limit);
}
