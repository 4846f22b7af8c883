package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.util.Optional;

/** One conversion of the caller's account; another account's id is indistinguishable from an unknown one. */
public interface GetConversionUseCase {
    Future<Optional<ConversionEvent>> get(AccountId accountId, ConversionId id);
}
