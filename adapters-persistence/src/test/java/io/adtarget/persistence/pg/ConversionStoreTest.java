package io.adtarget.persistence.pg;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.IdempotencyStore.ClaimOutcome;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.persistence.ConversionSamples;
import io.adtarget.persistence.testing.PgTestDatabase;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tests of a new conversion's statements share (issue #15): a fresh database with one site, the conversion
 * repository and the idempotency store on it, and the two states a delivery's outcome meets — a conversion created
 * claimed for delivery, and its request's in-flight idempotency record.
 */
abstract class ConversionStoreTest {
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final Duration WINDOW = Duration.ofHours(48);
    static final Duration LEASE = Duration.ofSeconds(30);

    PgTestDatabase db;
    PgConversionRepository conversions;
    PgIdempotencyStore records;
    ConversionSamples samples;

    /** The repository under test, on {@code pool}. */
    abstract PgConversionRepository repository(Pool pool);

    /** The seed of {@link #samples}. */
    abstract long seed();

    @BeforeEach
    void startDatabase() {
        db = PgTestDatabase.create();
        AccountId account = new AccountId(UUID.randomUUID());
        SiteId site = new SiteId(UUID.randomUUID());
        db.givenSite(account.value(), site.value());
        conversions = repository(db.pool());
        records = new PgIdempotencyStore(db.pool());
        samples = new ConversionSamples(account, site, new SplittableRandom(seed()));
    }

    @AfterEach
    void stopDatabase() {
        db.close();
    }

    /** A new conversion of {@code user}, claimed for delivery, not stored. */
    ConversionEvent candidate(long user, String eventId) {
        return samples.candidate(user, eventId, "10", T0).claimForDelivery(T0, LEASE);
    }

    /** A new conversion of {@code user}, created claimed for delivery (the state a delivery's outcome meets). */
    ConversionEvent claimedConversion(long user) {
        return result(conversions.createUnlessMatched(candidate(user, null), T0, WINDOW)).orElseThrow();
    }

    /** {@code scope}'s in-flight idempotency record, claimed by {@code owner}. */
    void own(IdempotencyScope scope, String owner) {
        assertThat(result(records.claim(IdempotencyRecord.inFlight(scope, owner, T0, LEASE, null), T0, WINDOW)))
                .isInstanceOf(ClaimOutcome.Claimed.class);
    }
}
