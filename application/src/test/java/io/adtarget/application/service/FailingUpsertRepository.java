package io.adtarget.application.service;

import io.adtarget.application.fake.InMemoryConversionRepository;
import io.adtarget.application.port.in.ConversionPage;
import io.adtarget.application.port.in.ConversionQuery;
import io.adtarget.application.port.out.ConversionRepository;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.MatchKey;
import io.adtarget.domain.conversion.UpsertDecision;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A repository whose writes of a new match fail as an unreachable database does; everything else is in memory.
 * After {@link #reportMatches()} the one-statement creation reports a recent match instead, so the locked upsert runs
 * (and fails).
 */
final class FailingUpsertRepository implements ConversionRepository {
    private final InMemoryConversionRepository delegate = new InMemoryConversionRepository();
    private volatile boolean reportMatches;

    void reportMatches() {
        reportMatches = true;
    }

    @Override
    public Future<UpsertDecision> upsert(ConversionEvent candidate, Instant now, Duration window) {
        return Future.failedFuture(new IllegalStateException("database unavailable"));
    }

    @Override
    public Future<Optional<ConversionEvent>> createUnlessMatched(ConversionEvent candidate, Instant now,
            Duration window) {
        return reportMatches ? Future.succeededFuture(Optional.empty())
                : Future.failedFuture(new IllegalStateException("database unavailable"));
    }

    @Override
    public Future<Optional<ConversionEvent>> findLatestMatch(MatchKey key, Instant createdAfter) {
        return delegate.findLatestMatch(key, createdAfter);
    }

    @Override
    public Future<Optional<ConversionEvent>> save(ConversionEvent next, long expectedVersion) {
        return delegate.save(next, expectedVersion);
    }

    @Override
    public Future<Optional<ConversionEvent>> findById(ConversionId id) {
        return delegate.findById(id);
    }

    @Override
    public Future<Optional<ConversionEvent>> findForAccount(AccountId accountId, ConversionId id) {
        return delegate.findForAccount(accountId, id);
    }

    @Override
    public Future<List<ConversionEvent>> claimDue(Instant now, Duration deliveryLease, int limit,
            UnaryOperator<ConversionEvent> transition) {
        return delegate.claimDue(now, deliveryLease, limit, transition);
    }

    @Override
    public Future<ConversionPage> list(ConversionQuery query) {
        return delegate.list(query);
    }

    @Override
    public Future<Long> countDueRetries(Instant now) {
        return delegate.countDueRetries(now);
    }
}
