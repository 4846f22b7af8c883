package io.adtarget.persistence.pg;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.OutcomeCompletion;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.persistence.ConversionSamples;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #15's second transaction: a delivery's outcome and its request's idempotency completion are
 * written together ({@link PgConversionRepository#save(ConversionEvent, long, OutcomeCompletion)}), one commit
 * for both. The response is rendered from the row as stored; the outcome is stored even when the request no
 * longer owns its record; a lost version race writes neither.
 */
class OutcomeWithCompletionTest extends ConversionStoreTest {
    IdempotencyScope scope = new IdempotencyScope(new ApiKeyId(UUID.randomUUID()), new IdempotencyKey("order-1"));
    List<StoredResponse> told = new ArrayList<>();

    @Override
    PgConversionRepository repository(Pool pool) {
        return new PgConversionRepository(pool);
    }

    @Override
    long seed() {
        return 7;
    }

    @Test
    void the_outcome_and_the_response_rendered_from_the_stored_row_commit_in_one_transaction() {
        ConversionEvent claimed = claimedConversion();
        own("owner-1");

        ConversionEvent sent = result(conversions.save(claimed.markSent("trace-1", T0.plusSeconds(1)), claimed.version(),
                completion("owner-1"))).orElseThrow();

        assertThat(sent.status()).isEqualTo(ConversionStatus.SENT);
        StoredResponse expected = rendered(sent);
        assertThat(told).as("told once committed").singleElement().isEqualTo(expected);
        IdempotencyRecord stored = result(records.find(scope)).orElseThrow();
        assertThat(stored.completed()).isTrue();
        assertThat(new String(stored.response().body(), StandardCharsets.UTF_8))
                .isEqualTo(new String(expected.body(), StandardCharsets.UTF_8));
        assertThat(result(conversions.findById(claimed.id()))).contains(sent);
    }

    /**
     * The response is rendered before the one statement that stores the outcome and the response: from the
     * row as that statement stores it. Seeded conversions (amounts, custom data, match data) with delivery
     * times to the nanosecond, which Postgres keeps to the microsecond.
     */
    @Test
    void the_response_rendered_before_the_write_is_the_row_as_stored_to_the_microsecond() {
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 20; i++) {
            ConversionSamples varied = new ConversionSamples(samples.account(), samples.site(), new SplittableRandom(random.nextLong()));
            Instant at = T0.plusNanos(random.nextInt(1_000_000_000));
            String amount = List.of("1", "10.5", "49.0000", "12.3456", "999999.99").get(random.nextInt(5));
            ConversionEvent claimed = result(conversions.upsert(varied.candidate(1000 + i, null, amount, T0)
                    .claimForDelivery(T0, LEASE), T0, WINDOW)).conversion();
            scope = new IdempotencyScope(new ApiKeyId(UUID.randomUUID()), new IdempotencyKey("order-v" + i));
            own("owner-v");
            told.clear();
            ConversionEvent next = i % 2 == 0 ? claimed.markSent("trace-v" + i, at)
                    : claimed.markFailed(new io.adtarget.domain.conversion.DeliveryError(
                            io.adtarget.domain.conversion.DeliveryErrorCode.META_UNAVAILABLE, "Meta: code 2", true, 2,
                            "t" + i), at.plusSeconds(30 + i), at);

            ConversionEvent saved = result(conversions.save(next, claimed.version(), completion("owner-v"))).orElseThrow();

            ConversionEvent readBack = result(conversions.findById(claimed.id())).orElseThrow();
            assertThat(readBack).as("seed %d, conversion %d", seed, i).isEqualTo(saved);
            assertThat(told).as("seed %d, conversion %d", seed, i).singleElement().isEqualTo(rendered(readBack));
            assertThat(new String(result(records.find(scope)).orElseThrow().response().body(), StandardCharsets.UTF_8))
                    .as("seed %d, conversion %d", seed, i)
                    .isEqualTo(new String(rendered(readBack).body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void a_request_that_lost_its_record_still_stores_the_outcome_and_completes_nothing() {
        ConversionEvent claimed = claimedConversion();
        own("someone-else");

        ConversionEvent sent = result(conversions.save(claimed.markSent("trace-2", T0.plusSeconds(1)), claimed.version(),
                completion("owner-1"))).orElseThrow();

        assertThat(result(conversions.findById(claimed.id()))).contains(sent);
        assertThat(told).isEmpty();
        assertThat(result(records.find(scope)).orElseThrow().completed()).as("the other owner's record").isFalse();
    }

    @Test
    void a_lost_version_race_writes_neither_the_outcome_nor_the_response() {
        ConversionEvent claimed = claimedConversion();
        own("owner-1");

        assertThat(result(conversions.save(claimed.markSent("trace-3", T0.plusSeconds(1)), claimed.version() + 7,
                completion("owner-1")))).isEmpty();

        assertThat(result(conversions.findById(claimed.id())).orElseThrow().status()).isEqualTo(ConversionStatus.PENDING);
        assertThat(told).isEmpty();
        assertThat(result(records.find(scope)).orElseThrow().completed()).isFalse();
    }

    @Test
    void a_response_that_cannot_be_rendered_never_costs_the_outcome() {
        ConversionEvent claimed = claimedConversion();
        own("owner-1");
        OutcomeCompletion broken = new OutcomeCompletion(scope, "owner-1", saved -> {
            throw new IllegalStateException("renderer bug");
        }, told::add);

        ConversionEvent sent = result(conversions.save(claimed.markSent("trace-4", T0.plusSeconds(1)), claimed.version(),
                broken)).orElseThrow();

        assertThat(result(conversions.findById(claimed.id()))).contains(sent);
        assertThat(told).isEmpty();
        assertThat(result(records.find(scope)).orElseThrow().completed()).isFalse();
    }

    private ConversionEvent claimedConversion() {
        return claimedConversion(42);
    }

    private void own(String owner) {
        own(scope, owner);
    }

    private OutcomeCompletion completion(String owner) {
        return new OutcomeCompletion(scope, owner, OutcomeWithCompletionTest::rendered, told::add);
    }

    /** Stands in for the HTTP adapter's renderer: anything derived from the stored row. */
    private static StoredResponse rendered(ConversionEvent saved) {
        String body = "{\"conversionId\":\"" + saved.id().value() + "\",\"status\":\"" + saved.status() + "\",\"version\":"
                + saved.version() + ",\"updatedAt\":\"" + saved.updatedAt() + "\"}";
        return new StoredResponse(201, "application/json", body.getBytes(StandardCharsets.UTF_8), saved.id());
    }
}
