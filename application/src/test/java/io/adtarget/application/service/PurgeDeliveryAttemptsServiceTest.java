package io.adtarget.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adtarget.application.fake.InMemoryDeliveryAttempts;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.DeliveryAttempt;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurgeDeliveryAttemptsServiceTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    final InMemoryDeliveryAttempts attempts = new InMemoryDeliveryAttempts();
    final ConversionId conversion = new ConversionId(UUID.randomUUID());

    void attemptAt(Instant when, int number) {
        attempts.record(new DeliveryAttempt(conversion, new AccountId(UUID.randomUUID()), new SiteId(UUID.randomUUID()),
                number, when, DeliveryAttempt.SENT, 200, null, null, "t", 5L));
    }

    @Test
    void attempts_older_than_the_retention_go_in_as_many_batches_as_it_takes_and_newer_ones_stay() {
        for (int n = 1; n <= 7; n++) {
            attemptAt(NOW.minus(Duration.ofDays(30)).minusSeconds(n), n);
        }
        attemptAt(NOW.minus(Duration.ofDays(30)), 8);
        attemptAt(NOW.minus(Duration.ofDays(1)), 9);
        PurgeDeliveryAttemptsService purge = new PurgeDeliveryAttemptsService(attempts,
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30), 3);

        assertThat(purge.purge().await()).isEqualTo(7L);
        assertThat(attempts.all()).extracting(DeliveryAttempt::attemptNumber).containsExactly(8, 9);
        assertThat(purge.purge().await()).isZero();
    }

    @Test
    void a_retention_shorter_than_the_delivery_health_window_is_refused() {
        assertThatThrownBy(() -> new PurgeDeliveryAttemptsService(attempts, Clock.systemUTC(), Duration.ofHours(23), 10))
                .hasMessageContaining("DELIVERY_ATTEMPT_RETENTION");
    }
}
