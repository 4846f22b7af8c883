package io.adtarget.application.service;

import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.InMemoryIdempotencyStore;
import io.adtarget.application.fake.MutableClock;
import io.adtarget.application.fake.RecordingTelemetry;
import io.adtarget.application.fake.VirtualTimers;
import io.adtarget.application.port.in.IdempotentOutcome;
import io.adtarget.application.port.in.IdempotentRequest;
import io.adtarget.domain.idempotency.FingerprintMode;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.StoredResponse;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Semantics §1: a replay's body is not looked at, so a completed key answers even a request that would be refused. */
class ReplayIfCompletedTest {
    final MutableClock clock = new MutableClock();
    final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    final StoredResponse created = new StoredResponse(201, "application/json",
            "{\"id\":\"c-1\"}".getBytes(StandardCharsets.UTF_8), null);

    IdempotencyService service(FingerprintMode mode) {
        return new IdempotencyService(store, new VirtualTimers(clock), clock, new SplittableRandom(3),
                IdempotencySettings.defaults().withFingerprintMode(mode), new RecordingTelemetry());
    }

    @Test
    void a_completed_key_within_the_window_gives_its_stored_answer_without_executing() {
        IdempotencyService service = service(FingerprintMode.OFF);
        value(service.execute(IdempotencyServiceTest.REQUEST, () -> Future.succeededFuture(created)));

        assertThat(value(service.replayIfCompleted(IdempotencyServiceTest.REQUEST)))
                .contains(new IdempotentOutcome.Replayed(created, false));
    }

    @Test
    void an_unknown_key_an_executing_key_and_a_stale_key_give_nothing() {
        IdempotencyService service = service(FingerprintMode.OFF);
        assertThat(value(service.replayIfCompleted(IdempotencyServiceTest.REQUEST))).isEmpty();

        value(store.claim(IdempotencyRecord.inFlight(IdempotencyServiceTest.SCOPE, "owner", clock.instant(),
                Duration.ofSeconds(30), null), clock.instant(), Duration.ofHours(24)));
        assertThat(value(service.replayIfCompleted(IdempotencyServiceTest.REQUEST))).isEmpty();

        value(store.complete(IdempotencyServiceTest.SCOPE, "owner", created));
        clock.advance(Duration.ofHours(24));
        assertThat(value(service.replayIfCompleted(IdempotencyServiceTest.REQUEST))).isEmpty();
    }

    @Test
    void in_reject_mode_a_different_body_under_a_completed_key_is_refused_as_reused() {
        IdempotencyService service = service(FingerprintMode.REJECT);
        value(service.execute(IdempotencyServiceTest.REQUEST, () -> Future.succeededFuture(created)));

        IdempotentRequest otherBody = new IdempotentRequest(IdempotencyServiceTest.SCOPE, "body-b");
        assertThat(value(service.replayIfCompleted(otherBody))).contains(new IdempotentOutcome.KeyReused());
    }
}
