package io.adtarget.bootstrap.storms;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.e2e.Eventually;
import io.adtarget.bootstrap.e2e.RunningService;
import io.adtarget.bootstrap.e2e.Tenant;
import io.adtarget.bootstrap.testing.Database;
import io.adtarget.bootstrap.testing.Figures;
import io.adtarget.bootstrap.testing.Soak;
import io.adtarget.meta.testing.FakeGraphReply;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario 2: Meta answers a seeded mix of successes, errors, rate limits, an invalid token, answers
 * after the deadline and dropped connections while conversions keep arriving. Once Meta behaves
 * again, every acknowledged conversion ends sent, or failed for a reason that will not go away.
 */
class MetaMisbehavingTest {
    private static final long SEED = Long.getLong("adtarget.seed", System.nanoTime());
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration META_TIMEOUT = Duration.ofMillis(300);
    private static final Map<String, String> ENV = Map.of(
            "META_TIMEOUT", "PT0.3S",
            "DELIVERY_LEASE", "PT1S",
            "RETRY_BASE_DELAY", "PT0.2S",
            "RETRY_POLL_INTERVAL", "PT0.1S",
            "RETRY_MAX_ATTEMPTS", Integer.toString(MAX_ATTEMPTS));
    private static final int REQUESTS = Soak.scale(300, 3000);
    private static final int PER_WAVE = 6;
    private static final Duration WAVE_EVERY = Duration.ofMillis(100);
    private static RunningService service;
    private static Tenant tenant;
    private static Load load;

    @BeforeAll
    static void start() {
        System.out.println("MetaMisbehavingTest seed=" + SEED + " (rerun with -Dadtarget.seed=" + SEED + ")");
        service = RunningService.start(ENV);
        tenant = service.provision("live", true, null, "-1001234567890");
        load = new Load(128);
    }

    @AfterAll
    static void stop() {
        try {
            if (load != null) {
                load.close();
            }
        } finally {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void every_acknowledged_conversion_ends_sent_or_failed_for_good_and_is_resent_only_after_an_answer_it_never_got()
            throws InterruptedException {
        try (MetaAttemptLog attempts = new MetaAttemptLog()) {
            storm(attempts);
        }
    }

    private void storm(MetaAttemptLog attempts) throws InterruptedException {
        Random random = new Random(SEED);
        MetaStorm storm = new MetaStorm(random.nextLong(), META_TIMEOUT.multipliedBy(2));
        service.meta().answerWith(storm);

        // Sustained load: a wave of distinct conversions every 100 ms (pacing, not synchronisation).
        List<Future<Answer>> pending = new ArrayList<>();
        long firstUser = 1 + random.nextInt(1_000_000_000);
        for (int i = 0; i < REQUESTS; i++) {
            if (i > 0 && i % PER_WAVE == 0) {
                Thread.sleep(WAVE_EVERY.toMillis());
            }
            pending.add(load.post(i, new Load.Post(service.port(), tenant.apiKey(), "meta-storm-" + SEED + "-" + i,
                    tenant.purchase(firstUser + i))));
        }
        Future.join(pending).await();
        List<Answer> answers = pending.stream().map(Future::result).toList();
        service.meta().answerWith(null).answerByDefault(FakeGraphReply.accept());

        Map<String, Map<String, Object>> rows = Eventually.until(Duration.ofSeconds(60), MetaMisbehavingTest::conversions,
                all -> all.values().stream().noneMatch(MetaMisbehavingTest::stillInFlight));

        assertThat(answers).as(statusesOf(answers)).allMatch(Answer::acknowledged);
        Map<String, Long> finals = new TreeMap<>();
        long lost = 0;
        for (Answer answer : answers) {
            String id = answer.json().getString("conversionId");
            Map<String, Object> row = rows.get(id);
            String outcome = outcomeOf(row, storm);
            finals.merge(outcome, 1L, Long::sum);
            if (!outcome.startsWith("sent") && !outcome.startsWith("failed")) {
                lost++;
            }
        }
        assertThat(finals.keySet()).as(finals.toString())
                .allMatch(o -> o.equals("sent") || o.equals("failed meta-auth after 190")
                        || o.equals("failed attempts-exhausted after " + MAX_ATTEMPTS + " attempts"));
        assertThat(rows).hasSize(REQUESTS);

        Map<String, Long> accepted = service.meta().acceptedEventIds().stream()
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        List<String> twice = accepted.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        // A second acceptance is allowed only after an attempt whose answer we did not get in time
        // (meta-timeout): Meta may have accepted it. After an acceptance we saw, never again.
        Map<String, List<String>> outcomes = attempts.outcomesByConversion();
        assertThat(outcomes).as("the service's log of its Meta attempts").hasSize(REQUESTS);
        assertThat(outcomes).as("conversions whose acceptance was seen twice")
                .allSatisfy((id, seen) -> assertThat(seen.stream().filter("sent"::equals).count()).isLessThanOrEqualTo(1));
        List<String> unexplained = twice.stream().filter(id -> accepted.get(id) > 1 + outcomes.getOrDefault(id, List.of())
                .stream().filter("meta-timeout"::equals).count()).toList();
        assertThat(unexplained).as("event_ids accepted again after an attempt whose answer was received").isEmpty();
        long afterLateAnswer = twice.stream().filter(id -> storm.repliesFor(id).contains(MetaStorm.Kind.LATE_ACCEPT)).count();
        assertThat(rows.values()).filteredOn(row -> "sent".equals(row.get("status")))
                .allSatisfy(row -> assertThat(accepted.getOrDefault(eventIdOf(row), 0L)).isPositive());

        Map<MetaStorm.Kind, Integer> faults = storm.counts();
        faults.remove(MetaStorm.Kind.ACCEPT);
        System.out.println("Meta storm outcomes " + finals + ", replies " + storm.counts() + ", accepted twice "
                + twice.size() + " (" + afterLateAnswer + " after a 200 sent past the deadline, the rest after a"
                + " prompt 200 our side did not read within META_TIMEOUT)");
        Figures.of("2. Meta misbehaving", REQUESTS + " POSTs, " + PER_WAVE + " every " + WAVE_EVERY.toMillis() + " ms",
                faults.values().stream().mapToInt(Integer::intValue).sum() + " faulty replies " + faults,
                answers.stream().filter(Answer::acknowledged).count(), lost, twice.size(), Load.p99Millis(answers),
                "outcomes " + finals + "; every double follows a meta-timeout of that event (" + afterLateAnswer
                        + " of them a 200 sent after the deadline)").publish();
    }

    private static boolean stillInFlight(Map<String, Object> row) {
        String status = (String) row.get("status");
        return "pending".equals(status) || ("failed".equals(status) && Boolean.TRUE.equals(row.get("last_error_retryable")));
    }

    /** The final state of a conversion, with the reason checked against what Meta actually answered. */
    private static String outcomeOf(Map<String, Object> row, MetaStorm storm) {
        if (row == null) {
            return "missing";
        }
        String status = (String) row.get("status");
        if ("sent".equals(status)) {
            return "sent";
        }
        if (!"failed".equals(status) || !Boolean.FALSE.equals(row.get("last_error_retryable"))) {
            return status + " " + row.get("last_error_code") + " retryable=" + row.get("last_error_retryable");
        }
        String code = (String) row.get("last_error_code");
        List<MetaStorm.Kind> replies = storm.repliesFor(eventIdOf(row));
        if ("meta-auth".equals(code)) {
            boolean last190 = !replies.isEmpty() && replies.get(replies.size() - 1) == MetaStorm.Kind.AUTH_190;
            return last190 ? "failed meta-auth after 190" : "failed meta-auth after " + replies;
        }
        if ("attempts-exhausted".equals(code)) {
            return "failed attempts-exhausted after " + row.get("attempts") + " attempts";
        }
        return "failed " + code + " after " + replies;
    }

    private static String eventIdOf(Map<String, Object> row) {
        Object clientEventId = row.get("client_event_id");
        return clientEventId != null ? clientEventId.toString() : row.get("id").toString();
    }

    private static Map<String, Map<String, Object>> conversions() {
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (Map<String, Object> row : Database.query(service.databaseUrl(), "SELECT id, client_event_id, status,"
                + " attempts, last_error_code, last_error_retryable FROM conversions")) {
            byId.put(row.get("id").toString(), row);
        }
        return byId;
    }

    private static String statusesOf(List<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(a -> a.failure() != null ? "transport" : "" + a.status(),
                Collectors.counting())).toString();
    }
}
