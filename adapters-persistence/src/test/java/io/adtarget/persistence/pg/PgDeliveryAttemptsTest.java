package io.adtarget.persistence.pg;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.DeliveryAttempt;
import io.adtarget.persistence.DeliveryAttemptsContractTest;
import io.adtarget.persistence.testing.PgTestDatabase;
import io.vertx.sqlclient.Pool;
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
