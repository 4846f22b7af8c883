package io.adtarget.application.fake;

import io.adtarget.application.port.out.DeliveryAttemptHistory;
import io.adtarget.application.port.out.DeliveryAttemptLog;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.DeliveryAttempt;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The attempt log in memory, written at once (the Postgres one writes a moment later). */
public final class InMemoryDeliveryAttempts implements DeliveryAttemptLog, DeliveryAttemptHistory {
    private final List<DeliveryAttempt> attempts = new ArrayList<>();

    @Override
    public synchronized void record(DeliveryAttempt attempt) {
        if (attempt != null) {
            attempts.add(attempt);
        }
    }

    @Override
    public synchronized Future<List<DeliveryAttempt>> ofConversion(ConversionId conversionId, int limit) {
        List<DeliveryAttempt> mine = attempts.stream()
                .filter(attempt -> attempt.conversionId().equals(conversionId))
                .sorted(Comparator.comparing(DeliveryAttempt::attemptedAt))
                .toList();
        return Future.succeededFuture(List.copyOf(mine.subList(Math.max(0, mine.size() - limit), mine.size())));
    }

    @Override
    public synchronized Future<Integer> purgeBatch(Instant cutoff, int limit) {
        List<DeliveryAttempt> old = attempts.stream().filter(attempt -> attempt.attemptedAt().isBefore(cutoff))
                .limit(limit).toList();
        old.forEach(attempts::remove);
        return Future.succeededFuture(old.size());
    }

    public synchronized List<DeliveryAttempt> all() {
        return List.copyOf(attempts);
    }
}
