package io.adtarget.domain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.shared.ApiKeyId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The life of an idempotency record: in flight, completed, stale, purgeable; decisions with time passed in. */
class IdempotencyRecordTest {
    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Duration RETENTION = Duration.ofHours(48);
    private static final IdempotencyScope SCOPE =
            new IdempotencyScope(ApiKeyId.random(new Random(1)), new IdempotencyKey("order-42"));
    private static final StoredResponse CREATED = new StoredResponse(201, "application/json",
            "{\"status\":\"sent\"}".getBytes(StandardCharsets.UTF_8),
            ConversionId.generate(T0, new Random(2)));

    private static IdempotencyRecord inFlight() {
        return IdempotencyRecord.inFlight(SCOPE, "owner-1", T0, LEASE, null);
    }

    @Test
    void a_new_record_is_in_flight_with_a_lease_from_its_arrival() {
        IdempotencyRecord record = inFlight();

        assertThat(record.completed()).isFalse();
        assertThat(record.createdAt()).isEqualTo(T0);
        assertThat(record.leaseUntil()).isEqualTo(T0.plus(LEASE));
    }

    @Test
    void a_request_waits_while_the_owners_lease_lives_and_takes_over_from_its_expiry() {
        IdempotencyRecord record = inFlight();

        assertThat(record.decide(T0, WINDOW)).isEqualTo(IdempotencyDecision.WAIT);
        assertThat(record.decide(T0.plus(LEASE).minusMillis(1), WINDOW)).isEqualTo(IdempotencyDecision.WAIT);
        assertThat(record.decide(T0.plus(LEASE), WINDOW)).isEqualTo(IdempotencyDecision.TAKE_OVER);
        assertThat(record.claimable(T0.plus(LEASE).minusMillis(1), WINDOW)).isFalse();
        assertThat(record.claimable(T0.plus(LEASE), WINDOW)).isTrue();
    }

    @Test
    void a_completed_record_replays_within_the_window_from_the_first_arrival_and_is_stale_from_its_end() {
        IdempotencyRecord record = inFlight().complete(CREATED);

        assertThat(record.decide(T0.plusSeconds(1), WINDOW)).isEqualTo(IdempotencyDecision.REPLAY);
        assertThat(record.decide(T0.plus(WINDOW).minusMillis(1), WINDOW)).isEqualTo(IdempotencyDecision.REPLAY);
        assertThat(record.decide(T0.plus(WINDOW), WINDOW)).isEqualTo(IdempotencyDecision.STALE);
        assertThat(record.claimable(T0.plus(WINDOW).minusMillis(1), WINDOW)).isFalse();
        assertThat(record.claimable(T0.plus(WINDOW), WINDOW)).isTrue();
    }

    @Test
    void a_completed_record_replays_even_while_its_old_lease_would_still_run() {
        assertThat(inFlight().complete(CREATED).decide(T0, WINDOW)).isEqualTo(IdempotencyDecision.REPLAY);
    }

    @Test
    void completing_keeps_the_exact_response_and_can_happen_only_once() {
        IdempotencyRecord record = inFlight().complete(CREATED);

        assertThat(record.response()).isEqualTo(CREATED);
        assertThat(record.response().body()).isEqualTo("{\"status\":\"sent\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> record.complete(CREATED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_stored_body_cannot_be_changed_through_the_array_given_or_returned() {
        byte[] body = {1, 2, 3};
        StoredResponse stored = new StoredResponse(200, "application/json", body, null);
        body[0] = 9;
        stored.body()[1] = 9;

        assertThat(stored.body()).containsExactly(1, 2, 3);
        assertThat(stored.toString()).doesNotContain("[B@").contains("bytes=3");
    }

    @Test
    void a_record_is_purgeable_from_the_end_of_the_retention_not_before() {
        IdempotencyRecord record = inFlight().complete(CREATED);

        assertThat(record.purgeable(T0.plus(RETENTION).minusMillis(1), RETENTION)).isFalse();
        assertThat(record.purgeable(T0.plus(RETENTION), RETENTION)).isTrue();
    }

    @Test
    void an_old_in_flight_record_is_purged_once_its_lease_expired_but_never_while_its_owner_still_runs() {
        IdempotencyRecord abandoned = inFlight();
        IdempotencyRecord longLease = IdempotencyRecord.inFlight(SCOPE, "owner-2", T0, RETENTION.plusHours(1), null);

        assertThat(abandoned.purgeable(T0.plus(RETENTION), RETENTION)).isTrue();
        assertThat(longLease.purgeable(T0.plus(RETENTION), RETENTION)).isFalse();
        assertThat(longLease.purgeable(T0.plus(RETENTION).plus(Duration.ofHours(1)), RETENTION)).isTrue();
    }

    @Test
    void a_body_mismatch_is_reported_only_when_both_fingerprints_are_known_and_differ() {
        IdempotencyRecord fingerprinted = IdempotencyRecord.inFlight(SCOPE, "o", T0, LEASE, "aaa");
        IdempotencyRecord plain = inFlight();

        assertThat(fingerprinted.bodyMismatch("bbb")).isTrue();
        assertThat(fingerprinted.bodyMismatch("aaa")).isFalse();
        assertThat(fingerprinted.bodyMismatch(null)).isFalse();
        assertThat(plain.bodyMismatch("bbb")).isFalse();
    }

    @Test
    void the_fingerprint_survives_completion() {
        IdempotencyRecord completed = IdempotencyRecord.inFlight(SCOPE, "o", T0, LEASE, "aaa").complete(CREATED);

        assertThat(completed.bodyMismatch("bbb")).isTrue();
    }

    @Test
    void two_api_keys_using_the_same_key_string_are_different_scopes() {
        IdempotencyKey key = new IdempotencyKey("same");
        IdempotencyScope first = new IdempotencyScope(ApiKeyId.random(new Random(1)), key);
        IdempotencyScope second = new IdempotencyScope(ApiKeyId.random(new Random(2)), key);

        assertThat(first).isNotEqualTo(second);
        assertThat(first).isEqualTo(new IdempotencyScope(ApiKeyId.random(new Random(1)), key));
    }
}
