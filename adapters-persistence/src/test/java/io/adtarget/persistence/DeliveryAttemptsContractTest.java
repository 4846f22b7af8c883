package io.adtarget.persistence;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.DeliveryAttemptHistory;
import io.adtarget.application.port.out.DeliveryAttemptLog;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.DeliveryAttempt;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every attempt log and history pair does, run against each implementation. */
public abstract class DeliveryAttemptsContractTest {
    protected static final Instant T0 = Instant.parse("2025-03-01T12:00:00.000001Z");

    protected DeliveryAttemptLog log;
    protected DeliveryAttemptHistory history;

    /** Log and history over one store. */
    protected abstract void open();

    /** Waits until what was recorded so far can be read back (the Postgres log writes a moment later). */
    protected abstract void settle();

    final AccountId account = new AccountId(UUID.randomUUID());
    final SiteId site = new SiteId(UUID.randomUUID());

    @BeforeEach
    void setUp() {
        open();
    }

    protected DeliveryAttempt attempt(ConversionId conversion, int number, String outcome, Integer status, Integer code,
            Integer subcode, String trace) {
        return new DeliveryAttempt(conversion, account, site, number, T0.plusSeconds(number), outcome, status, code,
                subcode, trace, 40L + number);
    }

    @Test
    void recorded_attempts_read_back_field_for_field_oldest_first() {
        ConversionId conversion = new ConversionId(UUID.randomUUID());
        DeliveryAttempt refused = attempt(conversion, 1, "meta-rejected", 400, 100, 2804003, "AbC123");
        DeliveryAttempt timedOut = attempt(conversion, 2, "meta-timeout", null, null, null, null);
        DeliveryAttempt sent = attempt(conversion, 3, DeliveryAttempt.SENT, 200, null, null, "Zz9");
        log.record(refused);
        log.record(timedOut);
        log.record(sent);
        settle();
        assertThat(result(history.ofConversion(conversion, 100))).containsExactly(refused, timedOut, sent);
    }

    @Test
    void another_conversions_attempts_are_not_included() {
        ConversionId mine = new ConversionId(UUID.randomUUID());
        ConversionId theirs = new ConversionId(UUID.randomUUID());
        log.record(attempt(mine, 1, DeliveryAttempt.SENT, 200, null, null, "a"));
        log.record(attempt(theirs, 1, DeliveryAttempt.SENT, 200, null, null, "b"));
        settle();
        assertThat(result(history.ofConversion(mine, 100))).extracting(DeliveryAttempt::conversionId)
                .containsExactly(mine);
        assertThat(result(history.ofConversion(new ConversionId(UUID.randomUUID()), 100))).isEmpty();
    }

    @Test
    void the_history_is_bounded_to_the_newest_attempts() {
        ConversionId conversion = new ConversionId(UUID.randomUUID());
        IntStream.rangeClosed(1, 7).forEach(n -> log.record(attempt(conversion, n, "meta-unavailable", 503, 2, null,
                "t" + n)));
        settle();
        List<DeliveryAttempt> newest = result(history.ofConversion(conversion, 3));
        assertThat(newest).extracting(DeliveryAttempt::attemptNumber).containsExactly(5, 6, 7);
    }

    @Test
    void the_purge_deletes_attempts_made_before_the_cutoff_in_bounded_batches_and_keeps_the_recent_ones() {
        ConversionId old = new ConversionId(UUID.randomUUID());
        ConversionId recent = new ConversionId(UUID.randomUUID());
        // before every other test's attempts (T0 is in 2025): those stay, and the count is this test's own
        Instant cutoff = Instant.parse("2020-01-01T00:00:00Z");
        IntStream.rangeClosed(1, 5).forEach(n -> log.record(new DeliveryAttempt(old, account, site, n,
                cutoff.minusSeconds(3600L * n), "meta-unavailable", 503, 2, null, "o" + n, 10L)));
        DeliveryAttempt justAfter = new DeliveryAttempt(recent, account, site, 1, cutoff, DeliveryAttempt.SENT, 200,
                null, null, "r1", 10L);
        log.record(justAfter);
        settle();

        int deleted;
        int total = 0;
        do {
            deleted = result(history.purgeBatch(cutoff, 2));
            assertThat(deleted).isBetween(0, 2);
            total += deleted;
        } while (deleted == 2);

        assertThat(total).isEqualTo(5);
        assertThat(result(history.ofConversion(old, 100))).isEmpty();
        assertThat(result(history.ofConversion(recent, 100))).containsExactly(justAfter);
        assertThat(result(history.purgeBatch(cutoff, 2))).isZero();
    }
}
