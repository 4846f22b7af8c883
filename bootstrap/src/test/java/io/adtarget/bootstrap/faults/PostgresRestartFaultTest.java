package io.adtarget.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.e2e.Eventually;
import io.adtarget.bootstrap.e2e.RunningService;
import io.adtarget.bootstrap.e2e.Tenant;
import io.adtarget.bootstrap.testing.Figures;
import io.adtarget.bootstrap.testing.Soak;
import io.adtarget.persistence.testing.OwnEmbeddedPostgres;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scenario 4 of issue 8: the service's own Postgres stops while conversions flow, then starts
 * again. The service answers 503 quickly meanwhile, recovers by itself, and loses nothing it
 * acknowledged.
 */
class PostgresRestartFaultTest {
    /** Upper bound for any answer during the outage: pool wait (5 s) is the longest path, plus slack. */
    static final Duration MAX_LATENCY = Duration.ofSeconds(8);
    private static final boolean SOAK = Soak.on();
    private static final int WORKERS = SOAK ? 16 : 6;
    private static final int OUTAGES = SOAK ? 5 : 1;
    private static final Duration OUTAGE = Duration.ofSeconds(SOAK ? 8 : 3);

    @Test
    void requests_during_a_postgres_outage_get_a_quick_503_and_every_acknowledged_conversion_survives() {
        try (OwnEmbeddedPostgres postgres = OwnEmbeddedPostgres.start();
                RunningService service = RunningService.startOn(postgres.url(), Map.of(
                        "IDEMPOTENCY_LEASE", "PT3S", "IDEMPOTENCY_INFLIGHT_WAIT", "PT1S"))) {
            Tenant tenant = service.provision("live", true, null, "-1001234567890");
            List<long[]> faultWindows = new ArrayList<>();
            List<Probes.Readiness> duringOutage = new ArrayList<>();
            List<Outcome> outcomes;
            try (ConversionLoad load = ConversionLoad.start(service, tenant, "pg-restart-", WORKERS, 100_000,
                    Duration.ofMillis(20))) {
                long before = System.nanoTime();
                Eventually.until(Duration.ofSeconds(30), () -> load.completedSince(before, 201), n -> n >= 20);
                for (int i = 0; i < OUTAGES; i++) {
                    long faultStart = System.nanoTime();
                    postgres.stop();
                    Eventually.until(OUTAGE.plusSeconds(30), () -> load.completedSince(faultStart, 503),
                            n -> n >= WORKERS && System.nanoTime() - faultStart >= OUTAGE.toNanos());
                    duringOutage.add(Probes.readiness(service));
                    postgres.restart();
                    long faultEnd = System.nanoTime();
                    faultWindows.add(new long[] {faultStart, faultEnd});
                    Eventually.until(Duration.ofSeconds(30), () -> load.completedSince(faultEnd, 201), n -> n >= 20);
                }
                outcomes = load.stop();
            }

            List<Outcome> unanswered = outcomes.stream().filter(o -> o.error() != null).toList();
            List<Outcome> unexpected = outcomes.stream()
                    .filter(o -> o.error() == null && o.status() != 201 && !o.isServiceUnavailable()).toList();
            List<Outcome> slow = outcomes.stream().filter(o -> o.latencyNanos() > MAX_LATENCY.toNanos()).toList();
            List<Outcome> acknowledged = outcomes.stream().filter(Outcome::acknowledged).toList();
            List<Outcome> refused = outcomes.stream().filter(Outcome::isServiceUnavailable).toList();
            List<Long> faultLatencies = outcomes.stream()
                    .filter(o -> faultWindows.stream().anyMatch(w -> o.startedWithin(w[0], w[1])))
                    .map(Outcome::latencyNanos).toList();

            assertThat(unanswered).as("requests without an answer").isEmpty();
            assertThat(unexpected).as("answers other than 201 or a 503 problem with Retry-After").isEmpty();
            assertThat(slow).as("answers slower than " + MAX_LATENCY).isEmpty();
            assertThat(refused).as("503 answers during the outage").isNotEmpty();
            assertThat(duringOutage).allSatisfy(ready -> {
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.checks()).containsEntry("postgres", "DOWN");
            });
            assertThat(Probes.readiness(service).status()).as("ready again without a restart").isEqualTo(200);

            long lost = 0;
            for (Outcome ack : acknowledged) {
                JsonObject stored = service.getConversion(tenant.apiKey(), ack.conversionId());
                Outcome replay = ConversionLoad.post(service, tenant, ack.idempotencyKey(), ack.telegramUserId());
                boolean intact = stored.getString("conversionId").equals(ack.conversionId())
                        && replay.status() == ack.status() && "true".equals(replay.replayHeader())
                        && replay.body().equals(ack.body());
                lost += intact ? 0 : 1;
            }
            assertThat(lost).as("acknowledged conversions not readable or not replaying byte for byte").isZero();

            // A 503 stored nothing: the same key executes once its in-flight lease (3 s here) is over.
            for (Outcome failed : refused) {
                Outcome retried = Eventually.until(Duration.ofSeconds(20),
                        () -> ConversionLoad.post(service, tenant, failed.idempotencyKey(), failed.telegramUserId()),
                        o -> o.status() != 409);
                assertThat(retried.status()).as("retry of " + failed.idempotencyKey()).isIn(200, 201);
                assertThat(retried.replayHeader()).isNull();
            }

            // Meta accepted but the outage kept us from recording it: the conversion stays pending and
            // is delivered again after its lease, under the same event_id (semantics §3, like a crash).
            // Never so for a conversion we reported sent, and never more than were in flight at a fault.
            List<String> doubled = Probes.eventIdsAcceptedMoreThanOnce(service.meta());
            List<String> reportedSent = acknowledged.stream()
                    .filter(o -> "sent".equals(o.body().toJsonObject().getString("status")))
                    .map(o -> o.body().toJsonObject().getString("eventId")).toList();
            long doubles = Probes.doubleDeliveries(service.meta());
            Figures.duringFault("4 postgres restart", WORKERS + " clients × 50 req/s, " + outcomes.size() + " POSTs",
                    OUTAGES + " × Postgres stopped ≥ " + OUTAGE.toSeconds() + " s, then restarted",
                    acknowledged.size(), lost, doubles, Figures.percentileMs(faultLatencies, 99),
                    Figures.percentileMs(faultLatencies, 100)).publish();
            System.out.println("delivered more than once (same event_id each time): " + doubled);
            assertThat(doubled).as("conversions reported sent and delivered again").doesNotContainAnyElementsOf(reportedSent);
            assertThat(doubles).as("surplus deliveries").isLessThanOrEqualTo((long) WORKERS * OUTAGES);
        }
    }
}
