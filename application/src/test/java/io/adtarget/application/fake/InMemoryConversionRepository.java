package io.adtarget.application.fake;

import io.adtarget.application.port.in.ConversionCursor;
import io.adtarget.application.port.in.ConversionPage;
import io.adtarget.application.port.in.ConversionQuery;
import io.adtarget.application.port.out.ConversionRepository;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.MatchKey;
import io.adtarget.domain.conversion.UpsertDecision;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@link ConversionRepository} in a map. Every method is atomic (synchronized), which is what the
 * Postgres adapter gets from its transactions, match-key safeguard and {@code SKIP LOCKED}.
 */
public final class InMemoryConversionRepository implements ConversionRepository {
    /** Newest first: createdAt desc, then id desc (ids compared as unsigned bytes, as Postgres does). */
    static final Comparator<ConversionEvent> NEWEST_FIRST = Comparator
            .comparing(ConversionEvent::createdAt)
            .thenComparing(ConversionEvent::id, InMemoryConversionRepository::compareIds)
            .reversed();

    private final Map<ConversionId, ConversionEvent> rows = new LinkedHashMap<>();

    @Override
    public synchronized Future<UpsertDecision> upsert(ConversionEvent candidate, Instant now, Duration window) {
        MatchKey key = candidate.matchKey();
        Optional<ConversionEvent> latest = rows.values().stream()
                .filter(row -> row.matchKey().equals(key))
                .min(NEWEST_FIRST);
        UpsertDecision decision = UpsertDecision.decide(latest, candidate, now, window);
        if (decision instanceof UpsertDecision.Create create) {
            if (rows.containsKey(create.conversion().id())) {
                return Future.failedFuture(new IllegalStateException("duplicate conversion id"));
            }
            return Future.succeededFuture(new UpsertDecision.Create(store(create.conversion().withVersion(1))));
        }
        if (decision instanceof UpsertDecision.Revise revise) {
            ConversionEvent next = revise.conversion();
            return Future.succeededFuture(new UpsertDecision.Revise(store(next.withVersion(next.version() + 1))));
        }
        return Future.succeededFuture(decision);
    }

    @Override
    public synchronized Future<Optional<ConversionEvent>> createUnlessMatched(ConversionEvent candidate, Instant now,
            Duration window) {
        Instant after = now.minus(window);
        boolean matched = rows.values().stream()
                .anyMatch(row -> row.matchKey().equals(candidate.matchKey()) && row.createdAt().isAfter(after));
        if (matched) {
            return Future.succeededFuture(Optional.empty());
        }
        if (rows.containsKey(candidate.id())) {
            return Future.failedFuture(new IllegalStateException("duplicate conversion id"));
        }
        return Future.succeededFuture(Optional.of(store(candidate.withVersion(1))));
    }

    @Override
    public synchronized Future<Optional<ConversionEvent>> findLatestMatch(MatchKey key, Instant createdAfter) {
        return Future.succeededFuture(rows.values().stream()
                .filter(row -> row.matchKey().equals(key) && row.createdAt().isAfter(createdAfter))
                .min(NEWEST_FIRST));
    }

    @Override
    public synchronized Future<Optional<ConversionEvent>> save(ConversionEvent next, long expectedVersion) {
        ConversionEvent current = rows.get(next.id());
        if (current == null || current.version() != expectedVersion) {
            return Future.succeededFuture(Optional.empty());
        }
        return Future.succeededFuture(Optional.of(store(next.withVersion(expectedVersion + 1))));
    }

    @Override
    public synchronized Future<Optional<ConversionEvent>> findById(ConversionId id) {
        return Future.succeededFuture(Optional.ofNullable(rows.get(id)));
    }

    @Override
    public synchronized Future<Optional<ConversionEvent>> findForAccount(AccountId accountId, ConversionId id) {
        return Future.succeededFuture(Optional.ofNullable(rows.get(id)).filter(c -> c.accountId().equals(accountId)));
    }

    @Override
    public synchronized Future<List<ConversionEvent>> claimDue(Instant now, Duration deliveryLease, int limit,
            UnaryOperator<ConversionEvent> transition) {
        List<ConversionEvent> due = rows.values().stream()
                .filter(row -> row.isDue(now, deliveryLease))
                .sorted(Comparator.comparing(ConversionEvent::updatedAt))
                .limit(limit)
                .toList();
        List<ConversionEvent> claimed = new ArrayList<>(due.size());
        for (ConversionEvent row : due) {
            ConversionEvent next = transition.apply(row);
            claimed.add(store(next.withVersion(row.version() + 1)));
        }
        return Future.succeededFuture(claimed);
    }

    @Override
    public synchronized Future<ConversionPage> list(ConversionQuery query) {
        List<ConversionEvent> matching = rows.values().stream()
                .filter(c -> c.accountId().equals(query.accountId()))
                .filter(c -> query.status() == null || c.status() == query.status())
                .filter(c -> query.eventType() == null || c.eventType().equals(query.eventType()))
                .filter(c -> query.telegramUserId() == null || c.telegramUserId().equals(query.telegramUserId()))
                .filter(c -> query.channelId() == null || c.channelId().equals(query.channelId()))
                .filter(c -> query.receivedFrom() == null || !c.createdAt().isBefore(query.receivedFrom()))
                .filter(c -> query.receivedBefore() == null || c.createdAt().isBefore(query.receivedBefore()))
                .filter(c -> query.after() == null || isAfter(c, query.after()))
                .sorted(NEWEST_FIRST)
                .limit(query.limit() + 1L)
                .toList();
        if (matching.size() <= query.limit()) {
            return Future.succeededFuture(new ConversionPage(matching, null));
        }
        List<ConversionEvent> page = matching.subList(0, query.limit());
        ConversionEvent last = page.get(page.size() - 1);
        return Future.succeededFuture(new ConversionPage(page, new ConversionCursor(last.createdAt(), last.id())));
    }

    @Override
    public synchronized Future<Long> countDueRetries(Instant now) {
        return Future.succeededFuture(rows.values().stream()
                .filter(c -> c.status() == ConversionStatus.FAILED && c.isDue(now, Duration.ZERO))
                .count());
    }

    /** Puts a row as given, bypassing the rules (arranging a test's starting state). */
    public synchronized ConversionEvent seed(ConversionEvent row) {
        return store(row);
    }

    /** Every stored row, oldest first (test inspection). */
    public synchronized List<ConversionEvent> all() {
        return List.copyOf(rows.values());
    }

    private ConversionEvent store(ConversionEvent row) {
        rows.put(row.id(), row);
        return row;
    }

    private static boolean isAfter(ConversionEvent row, ConversionCursor cursor) {
        int byTime = row.createdAt().compareTo(cursor.createdAt());
        return byTime < 0 || (byTime == 0 && compareIds(row.id(), cursor.id()) < 0);
    }

    private static int compareIds(ConversionId a, ConversionId b) {
        int high = Long.compareUnsigned(a.value().getMostSignificantBits(), b.value().getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.value().getLeastSignificantBits(),
                b.value().getLeastSignificantBits());
    }
}
