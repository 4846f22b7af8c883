package io.adtarget.application.service;

import io.adtarget.application.port.in.GetConversionUseCase;
import io.adtarget.application.port.in.ListConversionsUseCase;
import io.adtarget.application.port.in.ConversionPage;
import io.adtarget.application.port.in.ConversionQuery;
import io.adtarget.application.port.out.ConversionReader;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.util.Optional;

/** Reads conversions, always within the caller's account. */
public final class QueryConversionsService implements GetConversionUseCase, ListConversionsUseCase {
    private final ConversionReader repository;

    public QueryConversionsService(ConversionReader repository) {
        this.repository = repository;
    }

    @Override
    public Future<Optional<ConversionEvent>> get(AccountId accountId, ConversionId id) {
        return repository.findForAccount(accountId, id);
    }

    @Override
    public Future<ConversionPage> list(ConversionQuery query) {
        return repository.list(query);
    }
}
