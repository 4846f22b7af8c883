package io.adtarget.application.service;

import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.fake.InMemoryIdempotencyStore;
import io.adtarget.application.fake.MutableClock;
import io.adtarget.application.fake.RecordingTelemetry;
import io.adtarget.application.fake.VirtualTimers;
import io.adtarget.application.port.in.IdempotentOutcome;
import io.adtarget.application.port.in.IdempotentRequest;
import io.adtarget.domain.idempotency.FingerprintMode;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Semantics §1 answered before the body is read: a key whose completed record the store holds without I/O
 * replays at once, exactly as the full protocol would; anything else is left to the full protocol.
 */
class ReplayFromMemoryTest {
    static final IdempotencyScope SCOPE = new IdempotencyScope(Fixtures.LIVE_KEY, new IdempotencyKey("order-7"));
    static final StoredResponse CREATED = new StoredResponse(201, "application/json",
            "{\"conversionId\":\"c1\"}".getBytes(StandardCharsets.UTF_8), null);

    final MutableClock clock = new MutableClock();
    final InMemoryIdempotencyStore durable = new InMemoryIdempotencyStore();
    /** A store that, like the replay cache, hands out whatever completed record it holds. */
    final DelegatingIdempotencyStore remembering = new DelegatingIdempotencyStore(durable) {
        @Override
        public Optional<IdempotencyRecord> completedWithoutIo(IdempotencyScope scope) {
            return value(durable.find(scope)).filter(IdempotencyRecord::completed);
        }
    };

    IdempotencyService service(IdempotencySettings settings) {
        return new IdempotencyService(remembering, new VirtualTimers(clock), clock, new SplittableRandom(3), settings,
                new RecordingTelemetry());
    }

    void complete(IdempotencyService service, String fingerprint) {
        value(service.execute(new IdempotentRequest(SCOPE, fingerprint), () -> io.vertx.core.Future.succeededFuture(CREATED)));
    }

    @Test
    void a_completed_key_held_in_memory_replays_the_stored_bytes() {
        IdempotencyService service = service(IdempotencySettings.defaults());
        complete(service, "body-a");
        Optional<IdempotentOutcome> replay = service.replayFromMemory(new IdempotentRequest(SCOPE, "body-a"));
        assertThat(replay).get().isInstanceOfSatisfying(IdempotentOutcome.Replayed.class,
                replayed -> assertThat(replayed.response().body()).isEqualTo(CREATED.body()));
    }

    @Test
    void an_unknown_key_an_in_flight_key_and_a_key_past_its_window_are_left_to_the_full_protocol() {
        IdempotencyService service = service(IdempotencySettings.defaults());
        assertThat(service.replayFromMemory(new IdempotentRequest(SCOPE, "body-a"))).isEmpty();
        value(durable.claim(IdempotencyRecord.inFlight(SCOPE, "owner", clock.instant(),
                IdempotencySettings.defaults().lease(), null), clock.instant(), IdempotencySettings.defaults().replayWindow()));
        assertThat(service.replayFromMemory(new IdempotentRequest(SCOPE, "body-a"))).as("in flight").isEmpty();
        value(durable.complete(SCOPE, "owner", CREATED));
        assertThat(service.replayFromMemory(new IdempotentRequest(SCOPE, "body-a"))).isPresent();
        clock.advance(IdempotencySettings.defaults().replayWindow());
        assertThat(service.replayFromMemory(new IdempotentRequest(SCOPE, "body-a"))).as("window over").isEmpty();
    }

    @Test
    void a_different_body_in_reject_mode_is_refused_as_the_full_protocol_refuses_it() {
        IdempotencySettings reject = IdempotencySettings.defaults().withFingerprintMode(FingerprintMode.REJECT);
        IdempotencyService service = service(reject);
        complete(service, "body-a");
        assertThat(service.replayFromMemory(new IdempotentRequest(SCOPE, "body-b")))
                .get().isInstanceOf(IdempotentOutcome.KeyReused.class);
        assertThat(service.replayFromMemory(new IdempotentRequest(SCOPE, "body-a")))
                .get().isInstanceOf(IdempotentOutcome.Replayed.class);
    }
}
