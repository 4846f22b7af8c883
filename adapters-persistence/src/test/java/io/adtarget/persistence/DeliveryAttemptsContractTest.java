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
}
