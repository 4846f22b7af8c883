package io.adtarget.application.service;

import io.adtarget.application.port.in.FindConversionUseCase;
import io.adtarget.application.port.in.ListDeliveryAttemptsUseCase;
import io.adtarget.application.port.out.ConversionRepository;
import io.adtarget.application.port.out.DeliveryAttemptHistory;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.DeliveryAttempt;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A conversion's delivery history for the console: the conversion is looked up first, in the caller's scope. */
public final class DeliveryAttemptsService implements ListDeliveryAttemptsUseCase, FindConversionUseCase {
    private final ConversionRepository conversions;
    private final DeliveryAttemptHistory history;

    public DeliveryAttemptsService(ConversionRepository conversions, DeliveryAttemptHistory history) {
        this.conversions = Objects.requireNonNull(conversions, "conversions");
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    public Future<Optional<List<DeliveryAttempt>>> attempts(AccountId accountId, ConversionId id) {
        return conversions.findForAccount(accountId, id).compose(this::historyOf);
    }

    @Override
    public Future<Optional<List<DeliveryAttempt>>> attemptsOfAny(ConversionId id) {
        return conversions.findById(id).compose(this::historyOf);
    }

    @Override
    public Future<Optional<ConversionEvent>> find(ConversionId id) {
        return conversions.findById(id);
    }

    private Future<Optional<List<DeliveryAttempt>>> historyOf(Optional<ConversionEvent> conversion) {
        if (conversion.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        return history.ofConversion(conversion.get().id(), LIMIT).map(Optional::of);
    }
}
