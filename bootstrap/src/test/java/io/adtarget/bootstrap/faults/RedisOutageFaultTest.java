package io.adtarget.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.e2e.Eventually;
import io.adtarget.bootstrap.e2e.RunningService;
import io.adtarget.bootstrap.e2e.Tenant;
import io.adtarget.bootstrap.testing.Figures;
import io.adtarget.bootstrap.testing.Soak;
import io.adtarget.persistence.testing.OwnEmbeddedRedis;
import io.adtarget.persistence.testing.TestPostgres;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scenario 5 of issue 8: the service's own Redis (the match-key lock) goes away while conversions
 * flow. Requests that need the lock get a quick 503 with Retry-After, readiness says so, reads go
 * on, and once Redis is back the very keys that got 503 execute normally: nothing was stored for them.
 */
class RedisOutageFaultTest {
    static final Duration MAX_LATENCY = Duration.ofSeconds(8);
    private static final boolean SOAK = Soak.on();
    private static final int WORKERS = SOAK ? 16 : 4;
    private static final int OUTAGES = SOAK ? 5 : 1;
    private static final Duration OUTAGE = Duration.ofSeconds(SOAK ? 8 : 3);

    @Test
    void requests_needing_the_lock_get_503_during_a_redis_outage_and_the_same_key_executes_once_redis_is_back() {
        try (OwnEmbeddedRedis redis = OwnEmbeddedRedis.start();
                RunningService service = RunningService.startOn(TestPostgres.freshDatabase(false),
                        Map.of("REDIS_URL", redis.url()))) {
            Tenant tenant = service.provision("live", true, null, "-1001234567890");
            Outcome earlier = ConversionLoad.post(service, tenant, "redis-before", 4_000_000L);
            assertThat(earlier.status()).isEqualTo(201);
            List<long[]> faultWindows = new ArrayList<>();
            List<Probes.Readiness> duringOutage = new ArrayList<>();
            List<Outcome> probesDuringOutage = new ArrayList<>();
            List<Outcome> afterRecovery = new ArrayList<>();
            List<Outcome> outcomes;
            try (ConversionLoad load = ConversionLoad.start(service, tenant, "redis-outage-", WORKERS, 100_000,
                    Duration.ofMillis(20))) {
                long before = System.nanoTime();
                Eventually.until(Duration.ofSeconds(30), () -> load.completedSince(before, 201), n -> n >= 20);
                for (int i = 0; i < OUTAGES; i++) {
                    long faultStart = System.nanoTime();
                    redis.stop();
                    Outcome probe = ConversionLoad.post(service, tenant, "redis-probe-" + i, 4_100_000L + i);
                    probesDuringOutage.add(probe);
                    JsonObject readable = service.getConversion(tenant.apiKey(), earlier.conversionId());
                    assertThat(readable.getString("conversionId")).as("reads need no lock").isEqualTo(earlier.conversionId());
                    Eventually.until(OUTAGE.plusSeconds(30), () -> load.completedSince(faultStart, 503),
                            n -> n >= WORKERS && System.nanoTime() - faultStart >= OUTAGE.toNanos());
                    duringOutage.add(Probes.readiness(service));
                    redis.restart();
                    long faultEnd = System.nanoTime();
                    faultWindows.add(new long[] {faultStart, faultEnd});
                    Eventually.until(Duration.ofSeconds(30), () -> Probes.readiness(service).status(), s -> s == 200);
                    afterRecovery.add(ConversionLoad.post(service, tenant, probe.idempotencyKey(), probe.telegramUserId()));
                    Eventually.until(Duration.ofSeconds(30), () -> load.completedSince(faultEnd, 201), n -> n >= 20);
                }
                outcomes = load.stop();
            }

            assertThat(probesDuringOutage).allSatisfy(probe -> assertThat(probe.isServiceUnavailable())
                    .as("%s is a 503 problem with Retry-After", probe).isTrue());
            assertThat(duringOutage).allSatisfy(ready -> {
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.checks()).containsEntry("redis", "DOWN").containsEntry("postgres", "UP");
            });
            assertThat(afterRecovery).allSatisfy(first -> {
                assertThat(first.status()).as("first answer after recovery of %s", first).isEqualTo(201);
                assertThat(first.replayHeader()).isNull();
            });
            for (Outcome first : afterRecovery) {
                Outcome replay = ConversionLoad.post(service, tenant, first.idempotencyKey(), first.telegramUserId());
                assertThat(replay.replayHeader()).isEqualTo("true");
                assertThat(replay.body()).isEqualTo(first.body());
            }

            List<Outcome> all = new ArrayList<>(outcomes);
            all.addAll(probesDuringOutage);
            assertThat(all.stream().filter(o -> o.error() != null).toList()).as("requests without an answer").isEmpty();
            assertThat(all.stream().filter(o -> o.status() != 201 && !o.isServiceUnavailable()).toList())
                    .as("answers other than 201 or a 503 problem with Retry-After").isEmpty();
            assertThat(all.stream().filter(o -> o.latencyNanos() > MAX_LATENCY.toNanos()).toList())
                    .as("answers slower than " + MAX_LATENCY).isEmpty();
            List<Outcome> acknowledged = outcomes.stream().filter(Outcome::acknowledged).toList();
            List<Outcome> refused = outcomes.stream().filter(Outcome::isServiceUnavailable).toList();
            List<Long> faultLatencies = all.stream()
                    .filter(o -> faultWindows.stream().anyMatch(w -> o.startedWithin(w[0], w[1])))
                    .map(Outcome::latencyNanos).toList();

            long lost = 0;
            for (Outcome ack : acknowledged) {
                JsonObject stored = service.getConversion(tenant.apiKey(), ack.conversionId());
                Outcome replay = ConversionLoad.post(service, tenant, ack.idempotencyKey(), ack.telegramUserId());
                boolean intact = stored.getString("conversionId").equals(ack.conversionId())
                        && "true".equals(replay.replayHeader()) && replay.body().equals(ack.body());
                lost += intact ? 0 : 1;
            }
            assertThat(lost).as("acknowledged conversions not readable or not replaying byte for byte").isZero();
            // Nothing was stored for a 503, not even an in-flight claim: the first retry executes.
            for (Outcome failed : refused) {
                Outcome retried = ConversionLoad.post(service, tenant, failed.idempotencyKey(), failed.telegramUserId());
                assertThat(retried.status()).as("retry of %s", failed.idempotencyKey()).isEqualTo(201);
                assertThat(retried.replayHeader()).isNull();
            }

            long doubles = Probes.doubleDeliveries(service.meta());
            Figures.duringFault("5 redis outage", WORKERS + " clients × 50 req/s, " + all.size() + " POSTs",
                    OUTAGES + " × Redis stopped ≥ " + OUTAGE.toSeconds() + " s, then restarted",
                    acknowledged.size() + afterRecovery.size(), lost, doubles,
                    Figures.percentileMs(faultLatencies, 99), Figures.percentileMs(faultLatencies, 100)).publish();
            assertThat(doubles).as("surplus deliveries").isZero();
        }
    }
}
