package io.adtarget.http;

import io.adtarget.application.port.in.FindConversionUseCase;
import io.adtarget.application.port.in.ListDeliveryAttemptsUseCase;
import io.adtarget.application.port.in.ReportDeliveryHealthUseCase;
import io.adtarget.application.port.in.MetaConnectionTestResult;
import io.adtarget.application.port.in.RetryConversionUseCase;
import io.adtarget.application.port.in.TestMetaConnectionUseCase;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.DeliveryAttempt;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.TestEventCode;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** The console's use cases over {@link FakeConversions#stored}, with scripted attempts and retry answers. */
final class FakeConsole implements ListDeliveryAttemptsUseCase, FindConversionUseCase, RetryConversionUseCase,
        ReportDeliveryHealthUseCase, TestMetaConnectionUseCase {
    volatile Optional<Report> health = Optional.empty();
    final List<AccountId> healthAsked = new CopyOnWriteArrayList<>();
    private final FakeConversions conversions;
    final List<DeliveryAttempt> attempts = new CopyOnWriteArrayList<>();
    final List<ConversionId> retried = new CopyOnWriteArrayList<>();
    volatile Function<ConversionId, RetryResult> onRetry = id -> new RetryResult.NotFound();
    final List<TestEventCode> metaTests = new CopyOnWriteArrayList<>();
    volatile Function<SiteId, MetaConnectionTestResult> onMetaTest = id -> new MetaConnectionTestResult.SiteNotFound();

    FakeConsole(FakeConversions conversions) {
        this.conversions = conversions;
    }

    @Override
    public Future<Optional<List<DeliveryAttempt>>> attempts(AccountId accountId, ConversionId id) {
        return Future.succeededFuture(conversion(id).filter(c -> c.accountId().equals(accountId)).map(this::of));
    }

    @Override
    public Future<Optional<List<DeliveryAttempt>>> attemptsOfAny(ConversionId id) {
        return Future.succeededFuture(conversion(id).map(this::of));
    }

    @Override
    public Future<Optional<ConversionEvent>> find(ConversionId id) {
        return Future.succeededFuture(conversion(id));
    }

    @Override
    public Future<RetryResult> retryNow(ConversionId id) {
        retried.add(id);
        return Future.succeededFuture(onRetry.apply(id));
    }

    @Override
    public Future<Optional<Report>> report(AccountId accountId) {
        healthAsked.add(accountId);
        return Future.succeededFuture(health);
    }

    @Override
    public Future<MetaConnectionTestResult> testMetaConnection(SiteId siteId, TestEventCode testEventCode) {
        metaTests.add(testEventCode);
        return Future.succeededFuture(onMetaTest.apply(siteId));
    }

    void reset() {
        metaTests.clear();
        onMetaTest = id -> new MetaConnectionTestResult.SiteNotFound();
        health = Optional.empty();
        healthAsked.clear();
        attempts.clear();
        retried.clear();
        onRetry = id -> new RetryResult.NotFound();
    }

    private Optional<ConversionEvent> conversion(ConversionId id) {
        return conversions.stored.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private List<DeliveryAttempt> of(ConversionEvent conversion) {
        return attempts.stream().filter(a -> a.conversionId().equals(conversion.id())).toList();
    }
}
