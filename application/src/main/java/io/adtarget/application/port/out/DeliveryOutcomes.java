package io.adtarget.application.port.out;

import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The delivery side of the conversion store: the optimistic outcome write after Meta answered
 * (transaction 2 of a new conversion) and the re-read after a lost race. Used by
 * {@code DeliverConversionService}.
 */
public interface DeliveryOutcomes {

    /**
     * Stores {@code next} if the stored version is still {@code expectedVersion}; the result has
     * version + 1. Empty when someone else changed it first (the caller lost the race).
     */
    Future<Optional<ConversionEvent>> save(ConversionEvent next, long expectedVersion);

    /**
     * {@link #save(ConversionEvent, long)}, and in the same transaction the response of the request this
     * delivery serves ({@link OutcomeCompletion}); the outcome is stored whether or not the response can be.
     * The default stores the outcome alone and leaves the completion to the idempotency protocol.
     */
    default Future<Optional<ConversionEvent>> save(ConversionEvent next, long expectedVersion,
            OutcomeCompletion completion) {
        return save(next, expectedVersion);
    }

    Future<Optional<ConversionEvent>> findById(ConversionId id);
}
