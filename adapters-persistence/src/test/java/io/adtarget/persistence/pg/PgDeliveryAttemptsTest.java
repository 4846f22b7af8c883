package io.adtarget.persistence.pg;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.DeliveryAttempt;
import io.adtarget.persistence.DeliveryAttemptsContractTest;
import io.adtarget.persistence.testing.PgTestDatabase;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PgDeliveryAttemptsTest extends DeliveryAttemptsContractTest {
    private static PgTestDatabase db;
    private PgDeliveryAttempts attempts;

    @BeforeAll
    static void start() {
        db = PgTestDatabase.create();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Override
    protected void open() {
        attempts = new PgDeliveryAttempts(db.pool());
        log = attempts;
        history = attempts;
    }

    @Override
    protected void settle() {
        result(attempts.drained());
    }

    @Test
    void recording_on_a_database_that_cannot_answer_neither_throws_nor_waits_and_is_logged_and_dropped() {
        Pool closed = db.newPool(1);
        result(closed.close());
        PgDeliveryAttempts unreachable = new PgDeliveryAttempts(closed);
        ConversionId conversion = new ConversionId(UUID.randomUUID());

        unreachable.record(attempt(conversion, 1, DeliveryAttempt.SENT, 200, null, null, "x"));

        result(unreachable.drained());
        assertThat(result(history.ofConversion(conversion, 10))).isEmpty();
    }

    @Test
    void with_a_linger_attempts_recorded_one_by_one_share_a_statement_and_drained_waits_for_it() {
        PgDeliveryAttempts lingering = new PgDeliveryAttempts(db.pool(), db.vertx(), Duration.ofMillis(300));
        ConversionId conversion = new ConversionId(UUID.randomUUID());
        int count = 5;
        for (int n = 1; n <= count; n++) {
            lingering.record(attempt(conversion, n, DeliveryAttempt.SENT, 200, null, null, "l" + n));
        }

        result(lingering.drained());

        assertThat(result(history.ofConversion(conversion, 10))).extracting(DeliveryAttempt::attemptNumber)
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(lingering.statements()).as("statements for %d attempts recorded within the linger", count)
                .isEqualTo(1);
    }

    @Test
    void with_a_linger_a_burst_goes_out_in_full_batches_and_one_remainder() {
        PgDeliveryAttempts lingering = new PgDeliveryAttempts(db.pool(), db.vertx(), Duration.ofMillis(50));
        ConversionId conversion = new ConversionId(UUID.randomUUID());
        int burst = PgDeliveryAttempts.MAX_BATCH * 3 + 5;
        for (int n = 1; n <= burst; n++) {
            lingering.record(attempt(conversion, n, "meta-unavailable", 503, 2, null, "b" + n));
        }

        result(lingering.drained());

        assertThat(result(history.ofConversion(conversion, burst + 10))).hasSize(burst);
        assertThat(lingering.statements()).isEqualTo(4);
    }

    @Test
    void a_burst_larger_than_one_batch_is_written_in_full() {
        ConversionId conversion = new ConversionId(UUID.randomUUID());
        int burst = PgDeliveryAttempts.MAX_BATCH * 2 + 7;
        for (int n = 1; n <= burst; n++) {
            attempts.record(attempt(conversion, n, "meta-unavailable", 503, 2, null, "t" + n));
        }
        settle();
        assertThat(result(history.ofConversion(conversion, burst + 10))).hasSize(burst);
        assertThat(attempts.dropped()).isZero();
    }
}
