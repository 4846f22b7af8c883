package io.adtarget.application.service;

import static io.adtarget.application.fake.Completed.failure;
import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.fake.InMemoryIdempotencyStore;
import io.adtarget.application.fake.ManualTimers;
import io.adtarget.application.fake.MutableClock;
import io.adtarget.application.fake.RecordingTelemetry;
import io.adtarget.application.fake.VirtualTimers;
import io.adtarget.application.port.in.IdempotentOutcome;
import io.adtarget.application.port.in.IdempotentOutcome.Executed;
import io.adtarget.application.port.in.IdempotentOutcome.InUse;
import io.adtarget.application.port.in.IdempotentOutcome.Replayed;
import io.adtarget.application.port.in.IdempotentRequest;
import io.adtarget.application.port.out.Timers;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Semantics §1: the Idempotency-Key protocol. */
class IdempotencyServiceTest {
    static final IdempotencyScope SCOPE = new IdempotencyScope(Fixtures.LIVE_KEY, new IdempotencyKey("order-1"));
    static final IdempotentRequest REQUEST = new IdempotentRequest(SCOPE, "body-a");

    final MutableClock clock = new MutableClock();
    final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    final RecordingTelemetry telemetry = new RecordingTelemetry();
    final AtomicInteger executions = new AtomicInteger();

    IdempotencyService service(Timers timers, IdempotencySettings settings) {
        return new IdempotencyService(store, timers, clock, new SplittableRandom(7), settings, telemetry);
    }

    IdempotencyService service() {
        return service(new VirtualTimers(clock), IdempotencySettings.defaults());
    }

    static StoredResponse response(int status, String body) {
        return new StoredResponse(status, "application/json", body.getBytes(StandardCharsets.UTF_8), null);
    }

    Supplier<Future<StoredResponse>> answering(StoredResponse response) {
        return () -> {
            executions.incrementAndGet();
            return Future.succeededFuture(response);
        };
    }

    @Test
    void the_first_request_executes_and_its_response_is_stored() {
        StoredResponse created = response(201, "{\"id\":\"c-1\"}");
        IdempotentOutcome outcome = value(service().execute(REQUEST, answering(created)));
        assertThat(outcome).isEqualTo(new Executed(created, true));
        assertThat(value(store.find(SCOPE)).orElseThrow().response()).isEqualTo(created);
    }

    @Test
    void a_repeated_key_replays_the_stored_status_and_body_byte_for_byte_without_executing() {
        StoredResponse created = response(201, "{\"id\":\"c-1\",\"value\":9.90}");
        IdempotencyService service = service();
        value(service.execute(REQUEST, answering(created)));
        clock.advance(Duration.ofHours(23));
        IdempotentOutcome replay = value(service.execute(REQUEST, answering(response(500, "{}"))));
        assertThat(replay).isInstanceOf(Replayed.class);
        StoredResponse replayed = ((Replayed) replay).response();
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.body()).isEqualTo(created.body());
        assertThat(((Replayed) replay).bodyMismatch()).isFalse();
        assertThat(executions).hasValue(1);
    }

    @Test
    void the_same_key_under_another_api_key_is_another_scope_and_executes() {
        IdempotencyService service = service();
        value(service.execute(REQUEST, answering(response(201, "{\"n\":1}"))));
        IdempotencyScope otherKey = new IdempotencyScope(Fixtures.TEST_KEY, SCOPE.key());
        IdempotentOutcome outcome = value(service.execute(new IdempotentRequest(otherKey, null),
                answering(response(201, "{\"n\":2}"))));
        assertThat(outcome).isEqualTo(new Executed(response(201, "{\"n\":2}"), true));
        assertThat(executions).hasValue(2);
    }

    @ParameterizedTest(name = "status {0} is stored and replayed")
    @ValueSource(ints = {200, 201, 404, 409, 422})
    void every_executed_response_below_500_is_stored_including_business_rejections(int status) {
        IdempotencyService service = service();
        assertThat(value(service.execute(REQUEST, answering(response(status, "{}")))))
                .isEqualTo(new Executed(response(status, "{}"), true));
        assertThat(value(service.execute(REQUEST, answering(response(201, "{}")))))
                .isEqualTo(new Replayed(response(status, "{}"), false));
    }

    @ParameterizedTest(name = "status {0} is not stored")
    @ValueSource(ints = {400, 401, 413, 415, 500, 502, 503})
    void pre_execution_rejections_and_server_errors_are_not_stored_and_a_retry_executes(int status) {
        IdempotencyService service = service();
        assertThat(value(service.execute(REQUEST, answering(response(status, "{}")))))
                .isEqualTo(new Executed(response(status, "{}"), false));
        assertThat(value(store.find(SCOPE))).isEmpty();
        assertThat(value(service.execute(REQUEST, answering(response(201, "{}")))))
                .isEqualTo(new Executed(response(201, "{}"), true));
        assertThat(executions).hasValue(2);
    }

    @Test
    void the_record_is_committed_before_the_outcome_is_returned_and_a_failed_commit_fails_the_request() {
        IdempotencyService service = new IdempotencyService(new FailingCompleteStore(store), new VirtualTimers(clock),
                clock, new SplittableRandom(1), IdempotencySettings.defaults(), telemetry);
        Throwable cause = failure(service.execute(REQUEST, answering(response(201, "{}"))));
        assertThat(cause).hasMessageContaining("database");
        assertThat(value(store.find(SCOPE))).as("the key is released, so the client's retry executes").isEmpty();
        assertThat(value(service().execute(REQUEST, answering(response(201, "{\"again\":1}")))))
                .isInstanceOf(Executed.class);
    }

    @Test
    void an_action_that_completes_its_own_record_with_its_last_write_is_answered_with_that_response_alone() {
        // Completing again would fail here: the service must not write the record a second time.
        IdempotencyService service = new IdempotencyService(new FailingCompleteStore(store), new VirtualTimers(clock),
                clock, new SplittableRandom(1), IdempotencySettings.defaults(), telemetry);
        StoredResponse committed = response(201, "{\"id\":\"c-9\",\"status\":\"sent\"}");

        IdempotentOutcome outcome = value(service.executeOwned(REQUEST, owned -> store
                .complete(owned.scope(), owned.ownerToken(), committed)
                .map(done -> {
                    owned.completedWith(committed);
                    return response(201, "{\"rendered\":\"again\"}");
                })));

        assertThat(outcome).isEqualTo(new Executed(committed, true));
        assertThat(value(service().execute(REQUEST, answering(response(500, "{}")))))
                .as("the replay is the committed response").isEqualTo(new IdempotentOutcome.Replayed(committed, false));
    }

    @Test
    void a_response_whose_record_was_taken_over_meanwhile_is_not_sent_but_refused_as_unavailable() {
        IdempotencyService slow = service();
        Promise<StoredResponse> running = Promise.promise();
        Future<IdempotentOutcome> first = slow.execute(REQUEST, () -> running.future());
        clock.advance(IdempotencySettings.defaults().lease().plusSeconds(1));
        IdempotentOutcome takeOver = value(service().execute(REQUEST, answering(response(200, "{\"second\":1}"))));
        running.complete(response(201, "{\"first\":1}"));

        assertThat(takeOver).isInstanceOf(Executed.class);
        assertThat(failure(first)).isInstanceOf(io.adtarget.application.port.ServiceUnavailableException.class);
        assertThat(value(slow.execute(REQUEST, answering(response(500, "{}")))))
                .as("the client's retry replays the answer that was stored")
                .isEqualTo(new Replayed(response(200, "{\"second\":1}"), false));
    }

    @Test
    void a_failed_action_releases_the_key_and_fails_with_the_same_cause() {
        IllegalStateException boom = new IllegalStateException("database unavailable");
        IdempotencyService service = service();
        assertThat(failure(service.execute(REQUEST, () -> Future.failedFuture(boom)))).isSameAs(boom);
        assertThat(failure(service.execute(REQUEST, () -> {
            throw boom;
        }))).isSameAs(boom);
        assertThat(value(store.find(SCOPE))).isEmpty();
        assertThat(value(service.execute(REQUEST, answering(response(201, "{}"))))).isInstanceOf(Executed.class);
    }

    @Test
    void within_the_replay_window_the_key_replays_and_once_it_has_passed_the_key_executes_again() {
        IdempotencyService service = service();
        value(service.execute(REQUEST, answering(response(201, "{\"run\":1}"))));
        clock.advance(Duration.ofHours(24).minusNanos(1000));
        assertThat(value(service.execute(REQUEST, answering(response(201, "{\"run\":2}")))))
                .isInstanceOf(Replayed.class);
        clock.advance(Duration.ofNanos(1000));
        assertThat(value(service.execute(REQUEST, answering(response(201, "{\"run\":3}")))))
                .isEqualTo(new Executed(response(201, "{\"run\":3}"), true));
        assertThat(value(store.find(SCOPE)).orElseThrow().response()).isEqualTo(response(201, "{\"run\":3}"));
    }

    @Test
    void after_a_crash_the_key_executes_again_once_the_lease_has_passed() {
        value(store.claim(IdempotencyRecord.inFlight(SCOPE, "crashed-owner", clock.instant(), Duration.ofSeconds(30),
                null), clock.instant(), Duration.ofHours(24)));
        clock.advance(Duration.ofSeconds(30));
        IdempotentOutcome outcome = value(service().execute(REQUEST, answering(response(201, "{}"))));
        assertThat(outcome).isEqualTo(new Executed(response(201, "{}"), true));
    }

    @Test
    void a_concurrent_duplicate_waits_for_the_owner_and_then_replays_its_result() {
        ManualTimers timers = new ManualTimers(clock);
        IdempotencyService service = service(timers, IdempotencySettings.defaults());
        Promise<StoredResponse> owner = Promise.promise();
        Future<IdempotentOutcome> first = service.execute(REQUEST, () -> {
            executions.incrementAndGet();
            return owner.future();
        });
        Future<IdempotentOutcome> duplicate = service.execute(REQUEST, answering(response(201, "{\"dup\":1}")));
        timers.advance(Duration.ofSeconds(2));
        assertThat(duplicate.isComplete()).isFalse();

        owner.complete(response(201, "{\"owner\":1}"));
        timers.advance(Duration.ofMillis(25));

        assertThat(value(first)).isEqualTo(new Executed(response(201, "{\"owner\":1}"), true));
        assertThat(value(duplicate)).isEqualTo(new Replayed(response(201, "{\"owner\":1}"), false));
        assertThat(executions).hasValue(1);
    }

    @Test
    void a_duplicate_still_waiting_when_the_wait_ends_gets_in_use_with_retry_after_one_second() {
        IdempotencyService service = service();
        Instant start = clock.instant();
        Future<IdempotentOutcome> first = service.execute(REQUEST, () -> Promise.<StoredResponse>promise().future());
        IdempotentOutcome duplicate = value(service.execute(REQUEST, answering(response(201, "{}"))));
        assertThat(duplicate).isEqualTo(new InUse(Duration.ofSeconds(1)));
        assertThat(Duration.between(start, clock.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(first.isComplete()).isFalse();
        assertThat(executions).hasValue(0);
    }

    @Test
    void when_the_owner_ends_in_a_5xx_the_key_is_released_and_exactly_one_waiter_executes() {
        ManualTimers timers = new ManualTimers(clock);
        IdempotencyService service = service(timers, IdempotencySettings.defaults());
        Promise<StoredResponse> owner = Promise.promise();
        Future<IdempotentOutcome> first = service.execute(REQUEST, owner::future);
        Future<IdempotentOutcome> waiterA = service.execute(REQUEST, answering(response(201, "{\"by\":\"a\"}")));
        Future<IdempotentOutcome> waiterB = service.execute(REQUEST, answering(response(201, "{\"by\":\"b\"}")));

        owner.complete(response(503, "{\"type\":\"service-unavailable\"}"));
        timers.advance(Duration.ofMillis(25));

        assertThat(value(first)).isEqualTo(new Executed(response(503, "{\"type\":\"service-unavailable\"}"), false));
        assertThat(value(waiterA)).isEqualTo(new Executed(response(201, "{\"by\":\"a\"}"), true));
        assertThat(value(waiterB)).isEqualTo(new Replayed(response(201, "{\"by\":\"a\"}"), false));
        assertThat(executions).hasValue(1);
    }

    @Test
    void the_outcomes_are_reported_to_telemetry() {
        IdempotencyService service = service();
        value(service.execute(REQUEST, answering(response(201, "{}"))));
        value(service.execute(REQUEST, answering(response(201, "{}"))));
        IdempotencyScope busy = new IdempotencyScope(Fixtures.LIVE_KEY, new IdempotencyKey("busy"));
        service.execute(new IdempotentRequest(busy, null), () -> Promise.<StoredResponse>promise().future());
        value(service.execute(new IdempotentRequest(busy, null), answering(response(201, "{}"))));
        assertThat(telemetry.events()).containsExactly(
                "idempotency:executed", "idempotency:replayed", "idempotency:conflict");
    }

    private static final class FailingCompleteStore extends DelegatingIdempotencyStore {
        FailingCompleteStore(InMemoryIdempotencyStore delegate) {
            super(delegate);
        }

        @Override
        public Future<Boolean> complete(IdempotencyScope scope, String ownerToken, StoredResponse response) {
            return Future.failedFuture(new IllegalStateException("database unavailable"));
        }
    }
}
