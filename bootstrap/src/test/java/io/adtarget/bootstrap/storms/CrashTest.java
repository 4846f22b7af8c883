package io.adtarget.bootstrap.storms;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.e2e.Eventually;
import io.adtarget.bootstrap.e2e.RunningService;
import io.adtarget.bootstrap.testing.Database;
import io.adtarget.bootstrap.testing.Figures;
import io.adtarget.bootstrap.testing.ServiceProcess;
import io.adtarget.bootstrap.testing.Soak;
import io.adtarget.meta.testing.FakeGraphApi;
import io.adtarget.meta.testing.FakeGraphReply;
import io.adtarget.meta.testing.ReceivedGraphRequest;
import io.adtarget.persistence.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scenario 3: the service JVM is killed with SIGKILL in the middle of a burst and started again on
 * the same database. Nothing acknowledged is lost, stranded deliveries and keys recover after their
 * leases, and a second delivery can only be one that was in flight at the kill, under its event_id.
 */
class CrashTest {
    private static final long SEED = Long.getLong("adtarget.seed", System.nanoTime());
    private static final int BURST = Soak.scale(150, 1000);
    private static final String CHANNEL = "-1001234567890";
    private final Vertx vertx = Vertx.vertx();
    private final List<ServiceProcess> processes = new ArrayList<>();
    private FakeGraphApi meta;
    private Load load;
    private String databaseUrl;

    @BeforeEach
    void start() {
        System.out.println("CrashTest seed=" + SEED + " (rerun with -Dadtarget.seed=" + SEED + ")");
        meta = FakeGraphApi.create(vertx).start().await();
        load = new Load(64);
        databaseUrl = TestPostgres.freshDatabase(false);
    }

    @AfterEach
    void stop() {
        try {
            processes.forEach(ServiceProcess::close);
            load.close();
            meta.stop().await();
        } finally {
            vertx.close().await();
            TestPostgres.dropDatabase(databaseUrl);
        }
    }

    private ServiceProcess launch(Map<String, String> env, String name) {
        ServiceProcess process = ServiceProcess.startLive(env, name);
        processes.add(process);
        return process;
    }

    @Test
    void a_killed_instance_loses_nothing_acknowledged_and_its_stranded_work_resumes_after_the_leases() {
        Random random = new Random(SEED);
        int port = ServiceProcess.freePort();
        Map<String, String> env = RunningService.environment(databaseUrl, meta.url(), Integer.toString(port), Map.of(
                // Meta's fake answers in 150 ms: a 3 s timeout and a 5 s lease are never reached on a
                // loaded host, where 0.5 s and 1 s were; a timed-out or re-leased call is re-sent,
                // which counted as a double delivery that was not in flight at the kill.
                "META_TIMEOUT", "PT3S",
                "DELIVERY_LEASE", "PT5S",
                "IDEMPOTENCY_LEASE", "PT2S",
                "IDEMPOTENCY_INFLIGHT_WAIT", "PT1S",
                "RETRY_POLL_INTERVAL", "PT0.2S",
                "RETRY_BASE_DELAY", "PT0.2S"));
        ServiceProcess before = launch(env, "crash-before");
        String apiKey = provision(port);
        // Meta takes a while, so at any moment some conversions are claimed but not yet answered.
        meta.answerByDefault(FakeGraphReply.accept().after(Duration.ofMillis(150)));

        List<Load.Post> posts = new ArrayList<>();
        long firstUser = 1 + random.nextInt(1_000_000_000);
        for (int i = 0; i < BURST; i++) {
            posts.add(new Load.Post(port, apiKey, "crash-" + SEED + "-" + i, purchase(firstUser + i)));
        }
        List<Future<Answer>> pending = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            pending.add(load.post(i, posts.get(i)));
        }
        int killAfter = BURST / 3 + random.nextInt(BURST / 3);
        meta.requestsReceived(killAfter).await();
        before.kill();
        int metaRequestsAtKill = meta.requests().size();
        Future.join(pending).await();
        List<Answer> answers = pending.stream().map(Future::result).toList();
        List<Answer> acknowledged = answers.stream().filter(Answer::acknowledged).toList();
        assertThat(answers).as("every answer before the kill is a success")
                .allMatch(a -> a.failure() != null || a.acknowledged());

        Map<String, String> statusAtKill = new HashMap<>();
        Database.query(databaseUrl, "SELECT id, status FROM conversions")
                .forEach(row -> statusAtKill.put(row.get("id").toString(), (String) row.get("status")));
        long pendingAtKill = statusAtKill.values().stream().filter("pending"::equals).count();
        long keysInFlightAtKill = ((Number) Database.query(databaseUrl, "SELECT count(*) AS n FROM"
                + " idempotency_records WHERE response_status IS NULL").get(0).get("n")).longValue();
        Set<String> sentToMetaBeforeKill = meta.requests().subList(0, metaRequestsAtKill).stream()
                .map(CrashTest::eventIdOf).collect(Collectors.toSet());
        Set<String> inFlightAtKill = sentToMetaBeforeKill.stream()
                .filter(id -> !"sent".equals(statusAtKill.get(id))).collect(Collectors.toSet());

        long restartStarted = System.nanoTime();
        ServiceProcess after = launch(env, "crash-after");
        long restartMillis = (System.nanoTime() - restartStarted) / 1_000_000;

        // The retry worker alone (no client has retried yet) delivers what the crash left pending.
        Eventually.until(Duration.ofSeconds(30), () -> Database.statusCounts(databaseUrl),
                counts -> counts.keySet().equals(Set.of("sent")) || counts.isEmpty());

        // Every acknowledged request replays its exact bytes.
        List<Answer> replays = load.burst(acknowledged.stream().map(a -> posts.get(a.index())).toList());
        for (int i = 0; i < acknowledged.size(); i++) {
            Answer original = acknowledged.get(i);
            Answer replay = replays.get(i);
            assertThat(replay.status()).as("replay of %s", original).isEqualTo(original.status());
            assertThat(replay.header("X-Idempotent-Replay")).isEqualTo("true");
            assertThat(replay.body()).isEqualTo(original.body());
        }

        // Every request the crash cut off can be retried with its key, which is free again after its lease:
        // wait for the database to say every lease the dead instance held has passed (a fast restart
        // can come back within IDEMPOTENCY_LEASE, and a retry would then rightly get 409 in-use).
        Eventually.until(Duration.ofSeconds(30), () -> ((Number) Database.query(databaseUrl, "SELECT count(*) AS n"
                + " FROM idempotency_records WHERE response_status IS NULL AND lease_until > now()").get(0).get("n"))
                .longValue(), held -> held == 0);
        List<Answer> cutOff = answers.stream().filter(a -> !a.acknowledged()).toList();
        List<Answer> retries = load.burst(cutOff.stream().map(a -> posts.get(a.index())).toList());
        assertThat(retries).as("retries of cut-off requests").allMatch(Answer::acknowledged);
        long retriesExecuted = retries.stream().filter(r -> r.header("X-Idempotent-Replay") == null).count();
        Eventually.until(Duration.ofSeconds(30), () -> Database.statusCounts(databaseUrl),
                counts -> counts.keySet().equals(Set.of("sent")));

        // One conversion per request, each delivered; a second delivery only for one in flight at the kill.
        List<Map<String, Object>> perUser = Database.query(databaseUrl,
                "SELECT telegram_user_id, count(*) AS n FROM conversions GROUP BY telegram_user_id");
        assertThat(perUser).hasSize(BURST).allMatch(row -> ((Number) row.get("n")).longValue() == 1);
        Map<String, Set<String>> eventIdsPerUser = new HashMap<>();
        for (ReceivedGraphRequest request : meta.requests()) {
            String user = request.json().getJsonArray("data").getJsonObject(0).getJsonObject("user_data")
                    .getJsonArray("external_id").getString(0);
            eventIdsPerUser.computeIfAbsent(user, u -> new HashSet<>()).add(eventIdOf(request));
        }
        assertThat(eventIdsPerUser).as("every user's deliveries carry one event_id").hasSize(BURST)
                .allSatisfy((user, ids) -> assertThat(ids).hasSize(1));
        Map<String, Long> accepted = meta.acceptedEventIds().stream()
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        Set<String> conversionIds = Database.query(databaseUrl, "SELECT id FROM conversions").stream()
                .map(row -> row.get("id").toString()).collect(Collectors.toSet());
        assertThat(accepted.keySet()).isEqualTo(conversionIds);
        List<String> twice = accepted.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertThat(inFlightAtKill).containsAll(twice);
        long lost = acknowledged.stream().filter(a -> !conversionIds.contains(a.json().getString("conversionId"))).count();
        assertThat(lost).isZero();

        System.out.println("crash: burst " + BURST + ", acknowledged " + acknowledged.size() + ", cut off "
                + cutOff.size() + " (retries executed " + retriesExecuted + "), pending at kill " + pendingAtKill
                + ", keys in flight at kill " + keysInFlightAtKill + ", in flight at Meta " + inFlightAtKill.size()
                + ", accepted twice " + twice.size() + ", restart " + restartMillis + " ms, users with >1 event_id "
                + eventIdsPerUser.values().stream().filter(ids -> ids.size() > 1).count());
        Figures.of("3. crash (kill -9)", BURST + " concurrent POSTs with keys, SIGKILL after " + killAfter
                + " Meta requests", "1 × SIGKILL, restart on the same database (" + restartMillis + " ms)",
                acknowledged.size(), lost, twice.size(), Load.p99Millis(acknowledged),
                cutOff.size() + " cut off and retried (" + retriesExecuted + " executed); " + pendingAtKill
                        + " left pending, delivered by the retry worker; " + keysInFlightAtKill
                        + " keys in flight at the kill; " + inFlightAtKill.size() + " in flight at Meta").publish();
    }

    private String provision(int port) {
        String admin = RunningService.ADMIN_TOKEN;
        String account = load.call(HttpMethod.POST, port, "/admin/v1/accounts", admin,
                new JsonObject().put("name", "Crash"), 201).getString("id");
        String key = load.call(HttpMethod.POST, port, "/admin/v1/accounts/" + account + "/api-keys", admin,
                new JsonObject().put("name", "crash key").put("mode", "live"), 201).getString("key");
        String site = load.call(HttpMethod.POST, port, "/admin/v1/accounts/" + account + "/sites", admin,
                new JsonObject().put("name", "Shop").put("metaPixelId", "123456789012345")
                        .put("metaAccessToken", "EAAcrash" + Long.toHexString(SEED)), 201).getString("id");
        load.call(HttpMethod.POST, port, "/admin/v1/sites/" + site + "/channels", admin,
                new JsonObject().put("channelId", CHANNEL), 201);
        return key;
    }

    private static JsonObject purchase(long telegramUserId) {
        return new JsonObject().put("telegramUserId", telegramUserId).put("channelId", CHANNEL)
                .put("eventType", "Purchase").put("value", 49.00).put("currency", "USD");
    }

    private static String eventIdOf(ReceivedGraphRequest request) {
        return request.json().getJsonArray("data").getJsonObject(0).getString("event_id");
    }
}
