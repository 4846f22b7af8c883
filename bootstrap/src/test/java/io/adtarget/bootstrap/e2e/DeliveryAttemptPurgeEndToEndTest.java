package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.testing.Database;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The purge tick of the running service deletes delivery attempts older than DELIVERY_ATTEMPT_RETENTION, only those. */
class DeliveryAttemptPurgeEndToEndTest {

    @Test
    void attempts_older_than_the_retention_are_purged_and_recent_ones_stay() {
        try (RunningService service = RunningService.start(Map.of("DELIVERY_ATTEMPT_RETENTION", "P2D",
                "PURGE_INTERVAL", "PT0.2S"))) {
            Tenant acme = service.provision("live", true, null, "-1001");
            String insert = "INSERT INTO delivery_attempts (conversion_id, account_id, site_id, attempt_number,"
                    + " attempted_at, outcome, http_status, latency_ms) VALUES (gen_random_uuid(), '" + acme.accountId()
                    + "', '" + acme.siteId() + "', 1, now() - interval '%s', 'sent', 200, 5) RETURNING id";
            Object old = Database.query(service.databaseUrl(), insert.formatted("49 hours")).get(0).get("id");
            Object recent = Database.query(service.databaseUrl(), insert.formatted("47 hours")).get(0).get("id");

            List<Object> left = Eventually.until(Duration.ofSeconds(20),
                    () -> Database.query(service.databaseUrl(), "SELECT id FROM delivery_attempts").stream()
                            .map(row -> row.get("id")).toList(),
                    ids -> !ids.contains(old));
            assertThat(left).contains(recent);
        }
    }
}
