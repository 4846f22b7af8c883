package io.adtarget.persistence;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.DeliveryAttempt;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.adtarget.domain.conversion.SiteDeliveryHealth;
import io.adtarget.domain.conversion.SkipReason;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.userdata.MatchSignal;
import io.adtarget.persistence.pg.PgConversionRepository;
import io.adtarget.persistence.pg.PgDeliveryAttempts;
import io.adtarget.persistence.pg.PgDeliveryHealth;
import io.adtarget.persistence.testing.PgTestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's health of delivery, aggregated by Postgres: per site, one window, nothing of another account. */
class PgDeliveryHealthTest {
    private static final Instant FROM = Instant.parse("2025-03-01T00:00:00Z");
    private static final Instant UNTIL = FROM.plus(Duration.ofHours(24));
    private static final Duration WINDOW = Duration.ofHours(48);
    private static PgTestDatabase db;

    @BeforeAll
    static void start() {
        db = PgTestDatabase.create();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void counts_each_sites_conversions_errors_retry_queue_coverage_and_hours_within_the_window_only() {
        AccountId account = new AccountId(UUID.randomUUID());
        SiteId shop = new SiteId(UUID.randomUUID());
        SiteId idle = new SiteId(UUID.randomUUID());
        db.givenSite(account.value(), shop.value());
        db.givenSite(account.value(), idle.value());
        AccountId stranger = new AccountId(UUID.randomUUID());
        SiteId theirs = new SiteId(UUID.randomUUID());
        db.givenSite(stranger.value(), theirs.value());
        PgConversionRepository repo = new PgConversionRepository(db.pool());
        ConversionSamples samples = new ConversionSamples(account, shop, new SplittableRandom(1));
        Instant t = FROM.plus(Duration.ofMinutes(130)); // in the window's third hour

        ConversionEvent sent = store(repo, samples.withMatchData(1, null,
                ConversionSamples.matchData("ada@example.com", "203.0.113.7"), t),
                c -> c.claimForDelivery(t, Duration.ofSeconds(10)).markSent("tr", t));
        ConversionEvent failed = store(repo, samples.candidate(2, null, "1", t),
                c -> c.claimForDelivery(t, Duration.ofSeconds(10)).markFailed(
                        DeliveryError.of(DeliveryErrorCode.META_TIMEOUT, "slow"), t.plusSeconds(60), t));
        store(repo, samples.candidate(3, null, "1", t), c -> c.markSkipped(SkipReason.SITE_DISABLED, t));
        store(repo, samples.candidate(4, null, "1", FROM.minusSeconds(1)), c -> c); // before the window
        store(repo, new ConversionSamples(stranger, theirs, new SplittableRandom(2)).candidate(5, null, "1", t), c -> c);

        PgDeliveryAttempts attempts = new PgDeliveryAttempts(db.pool());
        DeliveryError rejected = DeliveryError.of(DeliveryErrorCode.META_REJECTED, "bad", 100, "x");
        attempts.record(DeliveryAttempt.failed(failed, t, Duration.ofMillis(5), rejected, 400, null));
        attempts.record(DeliveryAttempt.failed(failed, t, Duration.ofMillis(5), rejected, 400, null));
        attempts.record(DeliveryAttempt.failed(failed, t, Duration.ofMillis(5),
                DeliveryError.of(DeliveryErrorCode.META_TIMEOUT, "slow"), null, null));
        attempts.record(DeliveryAttempt.failed(failed, UNTIL.plusSeconds(1), Duration.ofMillis(5), rejected, 400,
                null)); // after the window
        attempts.record(DeliveryAttempt.sent(sent, t, Duration.ofMillis(5), 200, "tr"));
        result(attempts.drained());

        List<SiteDeliveryHealth> health = result(new PgDeliveryHealth(db.pool()).ofAccount(account, FROM, UNTIL));

        assertThat(health).extracting(SiteDeliveryHealth::siteId).containsExactlyInAnyOrder(shop, idle);
        SiteDeliveryHealth site = health.stream().filter(h -> h.siteId().equals(shop)).findFirst().orElseThrow();
        assertThat(site.byStatus()).containsEntry(ConversionStatus.SENT, 1).containsEntry(ConversionStatus.FAILED, 1)
                .containsEntry(ConversionStatus.SKIPPED, 1).containsEntry(ConversionStatus.PENDING, 0);
        assertThat(site.retryQueue()).isEqualTo(1);
        assertThat(site.metaErrors()).containsExactly(new SiteDeliveryHealth.ErrorCount("meta-rejected", 100, 2),
                new SiteDeliveryHealth.ErrorCount("meta-timeout", null, 1));
        assertThat(site.coverage().conversions()).isEqualTo(3);
        for (MatchSignal signal : MatchSignal.values()) {
            assertThat(site.coverage().withSignal()).as(signal.name()).containsEntry(signal, 1);
        }
        assertThat(site.hourly()).hasSize(24);
        assertThat(site.hourly().get(2)).isEqualTo(new SiteDeliveryHealth.Hour(FROM.plus(Duration.ofHours(2)), 1, 1, 1,
                0));
        assertThat(site.hourly().stream().mapToInt(h -> h.sent() + h.failed() + h.skipped() + h.pending()).sum())
                .isEqualTo(3);

        SiteDeliveryHealth quiet = health.stream().filter(h -> h.siteId().equals(idle)).findFirst().orElseThrow();
        assertThat(quiet.coverage().conversions()).isZero();
        assertThat(quiet.metaErrors()).isEmpty();
        assertThat(quiet.hourly()).hasSize(24).allSatisfy(h -> assertThat(h.sent() + h.failed()).isZero());
    }

    private static ConversionEvent store(PgConversionRepository repo, ConversionEvent candidate,
            UnaryOperator<ConversionEvent> then) {
        ConversionEvent created = result(repo.upsert(candidate, candidate.createdAt(), WINDOW)).conversion();
        ConversionEvent next = then.apply(created);
        return next == created ? created : result(repo.save(next, created.version())).orElseThrow();
    }
}
