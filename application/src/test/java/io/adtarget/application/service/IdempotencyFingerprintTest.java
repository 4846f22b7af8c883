package io.adtarget.application.service;

import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.fake.InMemoryIdempotencyStore;
import io.adtarget.application.fake.MutableClock;
import io.adtarget.application.fake.RecordingTelemetry;
import io.adtarget.application.fake.VirtualTimers;
import io.adtarget.application.port.in.IdempotentOutcome;
import io.adtarget.application.port.in.IdempotentOutcome.KeyReused;
import io.adtarget.application.port.in.IdempotentOutcome.Replayed;
import io.adtarget.application.port.in.IdempotentRequest;
import io.adtarget.domain.idempotency.FingerprintMode;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Semantics §1, fingerprint: off (the default), warn and reject. */
class IdempotencyFingerprintTest {
    static final IdempotencyScope SCOPE = new IdempotencyScope(Fixtures.LIVE_KEY, new IdempotencyKey("order-1"));
    static final StoredResponse CREATED = new StoredResponse(201, "application/json",
            "{\"id\":1}".getBytes(StandardCharsets.UTF_8), null);

    final MutableClock clock = new MutableClock();
    final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    final RecordingTelemetry telemetry = new RecordingTelemetry();

    IdempotencyService service(FingerprintMode mode) {
        return new IdempotencyService(store, new VirtualTimers(clock), clock, new SplittableRandom(3),
                IdempotencySettings.defaults().withFingerprintMode(mode), telemetry);
    }

    IdempotentOutcome send(IdempotencyService service, String bodyHash) {
        return value(service.execute(new IdempotentRequest(SCOPE, bodyHash), () -> Future.succeededFuture(CREATED)));
    }

    @Test
    void with_fingerprint_off_nothing_about_the_body_is_kept_and_a_different_body_replays_plainly() {
        IdempotencyService service = service(FingerprintMode.OFF);
        send(service, "hash-a");
        assertThat(value(store.find(SCOPE)).orElseThrow().fingerprint()).isNull();
        assertThat(send(service, "hash-b")).isEqualTo(new Replayed(CREATED, false));
    }

    @Test
    void with_fingerprint_warn_a_different_body_replays_the_original_response_flagged_as_a_mismatch() {
        IdempotencyService service = service(FingerprintMode.WARN);
        send(service, "hash-a");
        assertThat(value(store.find(SCOPE)).orElseThrow().fingerprint()).isEqualTo("hash-a");
        assertThat(send(service, "hash-b")).isEqualTo(new Replayed(CREATED, true));
        assertThat(send(service, "hash-a")).isEqualTo(new Replayed(CREATED, false));
        assertThat(telemetry.events()).containsExactly(
                "idempotency:executed", "idempotency:mismatch", "idempotency:replayed");
    }

    @Test
    void with_fingerprint_reject_a_different_body_is_refused_as_key_reused_and_the_same_body_replays() {
        IdempotencyService service = service(FingerprintMode.REJECT);
        send(service, "hash-a");
        assertThat(send(service, "hash-b")).isEqualTo(new KeyReused());
        assertThat(send(service, "hash-a")).isEqualTo(new Replayed(CREATED, false));
        assertThat(telemetry.events()).contains("idempotency:rejected");
    }

    @Test
    void a_record_kept_without_a_fingerprint_replays_even_when_reject_is_switched_on_later() {
        send(service(FingerprintMode.OFF), "hash-a");
        assertThat(send(service(FingerprintMode.REJECT), "hash-b")).isEqualTo(new Replayed(CREATED, false));
    }
}
