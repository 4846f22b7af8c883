package io.adtarget.bootstrap.storms;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.AdTargetApp;
import io.adtarget.bootstrap.Config;
import io.adtarget.bootstrap.e2e.RunningService;
import io.adtarget.bootstrap.e2e.Tenant;
import io.adtarget.bootstrap.testing.Database;
import io.adtarget.bootstrap.testing.Figures;
import io.adtarget.bootstrap.testing.Soak;
import io.adtarget.meta.testing.FakeGraphReply;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario 1: two instances (each its own Vert.x, Postgres pool and Redis client) on one database
 * and one Redis, hit at once by the same request: one execution, one Meta delivery.
 */
class StormsAcrossInstancesTest {
    private static final Map<String, String> ENV = Map.of();
    private static final long SEED = Long.getLong("adtarget.seed", System.nanoTime());
    private static final Random RANDOM = new Random(SEED);
    private static final int CONCURRENCY = Soak.scale(200, 1000);
    private static RunningService first;
    private static AdTargetApp second;
    private static Tenant tenant;
    private static Load load;

    @BeforeAll
    static void start() {
        System.out.println("StormsAcrossInstancesTest seed=" + SEED + " (rerun with -Dadtarget.seed=" + SEED + ")");
        first = RunningService.start(ENV);
        second = AdTargetApp.start(Config.fromEnvironment(first.siblingEnvironment(ENV)));
        tenant = first.provision("live", true, null, "-1001234567890");
        // Longer than the server's 10 s match-lock wait, so a request that waited it out is seen as
        // the 503 it gets, not as a client time-out.
        load = new Load(CONCURRENCY, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        try {
            if (load != null) {
                load.close();
            }
            if (second != null) {
                second.stop();
            }
        } finally {
            if (first != null) {
                first.close();
            }
        }
    }

    private static List<Load.Post> splitAcrossInstances(String idempotencyKey, JsonObject body) {
        List<Load.Post> posts = new ArrayList<>();
        for (int i = 0; i < CONCURRENCY; i++) {
            int port = i % 2 == 0 ? first.port() : second.port();
            posts.add(new Load.Post(port, tenant.apiKey(), idempotencyKey, body));
        }
        return posts;
    }

    private static long conversionsOf(long telegramUserId) {
        return ((Number) Database.query(first.databaseUrl(), "SELECT count(*) AS n FROM conversions WHERE"
                + " telegram_user_id = " + telegramUserId).get(0).get("n")).longValue();
    }

    private static long metaRequestsFor(String eventId) {
        return first.meta().requests().stream().filter(r -> r.json() != null && r.json().getJsonArray("data")
                .getJsonObject(0).getString("event_id").equals(eventId)).count();
    }

    @Test
    void one_idempotency_key_sent_to_two_instances_at_once_executes_once_and_every_other_answer_replays_or_asks_to_retry() {
        long user = 1 + RANDOM.nextInt(1_000_000_000);
        String key = "storm-" + Long.toHexString(RANDOM.nextLong());
        // The one execution takes a while at Meta, so the others really do arrive while it runs.
        first.meta().enqueue(FakeGraphReply.accept().after(Duration.ofMillis(300)));

        List<Answer> answers = load.burst(splitAcrossInstances(key, tenant.purchase(user)));

        assertThat(answers).allMatch(Answer::answered);
        List<Answer> executed = answers.stream().filter(a -> a.status() == 201 && a.header("X-Idempotent-Replay") == null)
                .toList();
        assertThat(executed).as("executions").hasSize(1);
        byte[] original = executed.get(0).body();
        String eventId = executed.get(0).json().getString("eventId");
        List<Answer> replays = answers.stream().filter(a -> "true".equals(a.header("X-Idempotent-Replay"))).toList();
        List<Answer> inUse = answers.stream().filter(a -> a.status() == 409).toList();
        assertThat(replays).allSatisfy(replay -> {
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.body()).isEqualTo(original);
        });
        assertThat(inUse).allSatisfy(conflict -> {
            assertThat(conflict.json().getString("code")).isEqualTo("idempotency-key-in-use");
            assertThat(conflict.header("Retry-After")).isNotNull();
        });
        assertThat(1 + replays.size() + inUse.size()).as(statusesOf(answers)).isEqualTo(CONCURRENCY);
        assertThat(conversionsOf(user)).isEqualTo(1);
        assertThat(metaRequestsFor(eventId)).isEqualTo(1);
        assertThat(first.meta().acceptedCount(eventId)).isEqualTo(1);

        Figures.of("1a. one Idempotency-Key, 2 instances", CONCURRENCY + " concurrent POSTs, one key",
                "contention (" + replays.size() + " replays, " + inUse.size() + " × 409)",
                answers.stream().filter(Answer::acknowledged).count(), lostOf(answers, eventId),
                first.meta().acceptedCount(eventId) - 1, Load.p99Millis(answers), "executions=1").publish();
    }

    @Test
    void one_match_key_sent_to_two_instances_at_once_without_a_key_creates_one_conversion_and_delivers_it_once() {
        long user = 1 + RANDOM.nextInt(1_000_000_000);
        first.meta().enqueue(FakeGraphReply.accept().after(Duration.ofMillis(300)));

        List<Answer> answers = load.burst(splitAcrossInstances(null, tenant.purchase(user)));

        assertThat(answers).allMatch(Answer::answered);
        List<Answer> created = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(created).as(statusesOf(answers)).hasSize(1);
        String conversionId = created.get(0).json().getString("conversionId");
        String eventId = created.get(0).json().getString("eventId");
        List<Answer> deduplicated = answers.stream().filter(a -> a.status() == 200).toList();
        List<Answer> unavailable = answers.stream().filter(a -> a.status() == 503).toList();
        assertThat(deduplicated).allSatisfy(again -> {
            assertThat(again.json().getBoolean("deduplicated")).isTrue();
            assertThat(again.json().getString("conversionId")).isEqualTo(conversionId);
            assertThat(again.json().getString("status")).isEqualTo("sent");
        });
        assertThat(unavailable).allSatisfy(busy -> assertThat(busy.header("Retry-After")).isNotNull());
        assertThat(1 + deduplicated.size() + unavailable.size()).as(statusesOf(answers)).isEqualTo(CONCURRENCY);
        assertThat(conversionsOf(user)).isEqualTo(1);
        assertThat(metaRequestsFor(eventId)).isEqualTo(1);

        Figures.of("1b. one match key, no Idempotency-Key, 2 instances", CONCURRENCY + " concurrent POSTs, one match key",
                "contention (" + deduplicated.size() + " deduplicated, " + unavailable.size() + " × 503)",
                answers.stream().filter(Answer::acknowledged).count(), lostOf(answers, eventId),
                first.meta().acceptedCount(eventId) - 1, Load.p99Millis(answers), "conversions=1").publish();
    }

    /** Acknowledged answers whose conversion is not stored as sent (0 when nothing was lost). */
    private static long lostOf(List<Answer> answers, String eventId) {
        long sent = ((Number) Database.query(first.databaseUrl(), "SELECT count(*) AS n FROM conversions WHERE"
                + " status = 'sent' AND (id::text = '" + eventId + "' OR client_event_id = '" + eventId + "')")
                .get(0).get("n")).longValue();
        return answers.stream().anyMatch(Answer::acknowledged) && sent == 1 ? 0
                : answers.stream().filter(Answer::acknowledged).count();
    }

    private static String statusesOf(List<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(a -> a.failure() != null ? "transport" : "" + a.status(),
                Collectors.counting())).toString();
    }
}
