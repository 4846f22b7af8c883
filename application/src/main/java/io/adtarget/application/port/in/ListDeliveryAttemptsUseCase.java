package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.DeliveryAttempt;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The calls to Meta made for one conversion (newest {@value #LIMIT}, oldest first). Empty when there is
 * no such conversion in the caller's reach: another account's is indistinguishable from an unknown one.
 */
public interface ListDeliveryAttemptsUseCase {
    int LIMIT = 100;

    /** A customer: only its own account's conversions. */
    Future<Optional<List<DeliveryAttempt>>> attempts(AccountId accountId, ConversionId id);

    /** An operator: any conversion. */
    Future<Optional<List<DeliveryAttempt>>> attemptsOfAny(ConversionId id);
}
