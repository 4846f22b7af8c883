package io.adtarget.application.service;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.fake.InMemoryIdempotencyStore;
import io.adtarget.application.fake.MutableClock;
import io.adtarget.application.fake.RecordingTelemetry;
import io.adtarget.domain.idempotency.FingerprintMode;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;


/** Semantics §1, purge: records past the retention go, in bounded batches; executing ones stay. */
class PurgeIdempotencyRecordsServiceTest {
    final MutableClock clock = new MutableClock();
    final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    final RecordingTelemetry telemetry = new RecordingTelemetry();
    final List<Integer> batches = new ArrayList<>();
    final PurgeIdempotencyRecordsService purge = new PurgeIdempotencyRecordsService(
            new DelegatingIdempotencyStore(store) {
                @Override
                public Future<Integer> purgeBatch(Instant createdBefore, Instant now, int batchSize) {
                    return super.purgeBatch(createdBefore, now, batchSize).onSuccess(batches::add);
                }
            }, clock, new IdempotencySettings(Duration.ofHours(24), Duration.ofHours(48), Duration.ofSeconds(30),
                    Duration.ofSeconds(5), Duration.ofMillis(25), FingerprintMode.OFF, 2), telemetry);

    void completedRecord(String key, Instant at) {
        IdempotencyScope scope = new IdempotencyScope(Fixtures.LIVE_KEY, new IdempotencyKey(key));
        value(store.claim(IdempotencyRecord.inFlight(scope, "o", at, Duration.ofSeconds(30), null), at,
                Duration.ofHours(24)));
        value(store.complete(scope, "o", new StoredResponse(201, "application/json", new byte[0], null)));
    }

    @Test
    void one_tick_deletes_every_record_older_than_the_retention_in_bounded_batches() {
        Instant start = clock.instant();
        for (int i = 0; i < 5; i++) {
            completedRecord("old-" + i, start);
        }
        clock.advance(Duration.ofHours(47));
        completedRecord("young", clock.instant());
        clock.advance(Duration.ofHours(1));

        assertThat(value(purge.purge())).isEqualTo(5L);
        assertThat(batches).containsExactly(2, 2, 1);
        assertThat(store.size()).isEqualTo(1);
        assertThat(telemetry.events()).containsExactly("purged:5");
    }

    @Test
    void a_tick_with_nothing_to_delete_makes_one_query_and_reports_zero() {
        completedRecord("young", clock.instant());
        assertThat(value(purge.purge())).isZero();
        assertThat(batches).containsExactly(0);
    }
}
