package io.adtarget.http;

import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.application.port.in.AuthenticateApiKeyUseCase;
import io.adtarget.application.port.in.GetConversionUseCase;
import io.adtarget.application.port.in.ListConversionsUseCase;
import io.adtarget.application.port.in.RecordConversionCommand;
import io.adtarget.application.port.in.RecordConversionResult;
import io.adtarget.application.port.in.RecordConversionUseCase;
import io.adtarget.application.port.in.ConversionPage;
import io.adtarget.application.port.in.ConversionQuery;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** The public API's use cases, scripted per test with lambdas and recording every invocation. */
final class FakeConversions implements RecordConversionUseCase, GetConversionUseCase, ListConversionsUseCase,
        AuthenticateApiKeyUseCase {
    final Map<String, ApiPrincipal> keys = new ConcurrentHashMap<>();
    final List<RecordConversionCommand> recorded = new CopyOnWriteArrayList<>();
    final List<ConversionQuery> queries = new CopyOnWriteArrayList<>();
    final List<ConversionId> lookedUp = new CopyOnWriteArrayList<>();
    final List<ConversionEvent> stored = new CopyOnWriteArrayList<>();
    volatile Function<RecordConversionCommand, Future<RecordConversionResult>> onRecord;
    volatile Function<ConversionQuery, Future<ConversionPage>> onList = q -> Future.succeededFuture(
            new ConversionPage(List.of(), null));
    volatile RuntimeException authenticationFailure;

    @Override
    public Future<RecordConversionResult> record(RecordConversionCommand command) {
        recorded.add(command);
        return onRecord.apply(command);
    }

    @Override
    public Future<Optional<ConversionEvent>> get(AccountId accountId, ConversionId id) {
        lookedUp.add(id);
        return Future.succeededFuture(stored.stream()
                .filter(c -> c.id().equals(id) && c.accountId().equals(accountId))
                .findFirst());
    }

    @Override
    public Future<ConversionPage> list(ConversionQuery query) {
        queries.add(query);
        return onList.apply(query);
    }

    @Override
    public Future<Optional<ApiPrincipal>> authenticate(String presentedKey) {
        if (authenticationFailure != null) {
            return Future.failedFuture(authenticationFailure);
        }
        return Future.succeededFuture(Optional.ofNullable(keys.get(presentedKey)));
    }

    /** Invocations of the conversion use cases (authentication not counted). */
    int invocations() {
        return recorded.size() + queries.size() + lookedUp.size();
    }

    void reset() {
        recorded.clear();
        queries.clear();
        lookedUp.clear();
        stored.clear();
        authenticationFailure = null;
        onList = q -> Future.succeededFuture(new ConversionPage(List.of(), null));
    }
}
