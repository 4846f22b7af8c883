package io.adtarget.application.service;

import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.fake.InMemoryAccountRepository;
import io.adtarget.application.fake.MutableClock;
import io.adtarget.application.port.in.ReportDeliveryHealthUseCase.Report;
import io.adtarget.domain.account.Account;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The health report covers the 24 h ending now, of an account that exists. */
class DeliveryHealthServiceTest {
    final MutableClock clock = new MutableClock();
    final InMemoryAccountRepository accounts = new InMemoryAccountRepository();
    final List<Instant[]> windows = new ArrayList<>();
    final DeliveryHealthService service = new DeliveryHealthService((account, from, until) -> {
        windows.add(new Instant[] {from, until});
        return Future.succeededFuture(List.of());
    }, accounts, clock);

    @Test
    void asks_for_the_last_24_hours_ending_now() {
        value(accounts.insert(new Account(Fixtures.ACCOUNT, "Acme", clock.instant())));
        Report report = value(service.report(Fixtures.ACCOUNT)).orElseThrow();
        assertThat(report.until()).isEqualTo(clock.instant());
        assertThat(report.from()).isEqualTo(clock.instant().minus(Duration.ofHours(24)));
        assertThat(windows).singleElement().satisfies(w -> assertThat(w).containsExactly(report.from(), report.until()));
    }

    @Test
    void an_unknown_account_has_no_report_and_nothing_is_aggregated() {
        assertThat(value(service.report(new AccountId(UUID.randomUUID())))).isEmpty();
        assertThat(windows).isEmpty();
    }
}
