package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.vertx.core.Future;
import java.util.Optional;

/** An operator's look at any conversion, whatever its account. */
public interface FindConversionUseCase {
    Future<Optional<ConversionEvent>> find(ConversionId id);
}
