package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.vertx.core.Future;

/**
 * An operator's "Retry now": a FAILED conversion is claimed and sent at once, through the same
 * delivery as every other (one claim wins, so two retries at once make one call to Meta).
 */
public interface RetryConversionUseCase {

    Future<RetryResult> retryNow(ConversionId id);

    /** What came of it; every case is an answer, not a failure. */
    sealed interface RetryResult {
        /** It was FAILED and one delivery went out: {@code conversion} as stored afterwards (SENT or FAILED again). */
        record Retried(ConversionEvent conversion) implements RetryResult {
        }

        /** Its delivery is already under way (PENDING): nothing was done, {@code conversion} as found. */
        record AlreadyQueued(ConversionEvent conversion) implements RetryResult {
        }

        /** SENT or SKIPPED, or too old for Meta to take: nothing was done. */
        record NotRetryable(ConversionEvent conversion, String reason) implements RetryResult {
        }

        record NotFound() implements RetryResult {
        }
    }
}
