package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.persistence.pg.JdbcSettings;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replay window, purge and restarts, with short windows configured. */
class LifecycleEndToEndTest {

    @Test
    void a_key_past_its_replay_window_executes_again_and_old_records_are_purged() throws Exception {
        try (RunningService service = RunningService.start(Map.of(
                "IDEMPOTENCY_REPLAY_WINDOW", "PT1S",
                "IDEMPOTENCY_RETENTION", "PT2S",
                "PURGE_INTERVAL", "PT0.5S",
                "DEDUP_WINDOW", "PT0.5S"))) {
            Tenant tenant = service.provision("live", true, null, "-1001234567890");
            JsonObject body = tenant.purchase(42L);

            HttpResponse<Buffer> first = service.postConversion(tenant.apiKey(), "order_stale", body);
            HttpResponse<Buffer> replay = service.postConversion(tenant.apiKey(), "order_stale", body);
            Thread.sleep(1200); // let the 1 s replay window (and the 0.5 s dedup window) pass: time, not synchronisation
            HttpResponse<Buffer> afterWindow = service.postConversion(tenant.apiKey(), "order_stale", body);

            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(replay.getHeader("X-Idempotent-Replay")).isEqualTo("true");
            assertThat(afterWindow.getHeader("X-Idempotent-Replay")).isNull();
            assertThat(afterWindow.statusCode()).isEqualTo(201);
            assertThat(afterWindow.bodyAsJsonObject().getString("conversionId"))
                    .isNotEqualTo(first.bodyAsJsonObject().getString("conversionId"));

            long remaining = Eventually.until(Duration.ofSeconds(15),
                    () -> countIdempotencyRecords(service.databaseUrl()), count -> count == 0L);
            assertThat(remaining).isZero();
            String metrics = service.request(HttpMethod.GET, "/metrics").send().await().bodyAsString();
            assertThat(metrics).containsPattern("adtarget_idempotency_purged_total(\\{[^}]*\\})? [1-9]");
        }
    }

    @Test
    void keys_stored_before_a_restart_still_replay_byte_for_byte_after_it() {
        try (RunningService service = RunningService.start()) {
            Tenant tenant = service.provision("live", true, null, "-1001234567890");
            HttpResponse<Buffer> before = service.postConversion(tenant.apiKey(), "order_restart", tenant.purchase(7L));

            service.restart();
            HttpResponse<Buffer> after = service.postConversion(tenant.apiKey(), "order_restart", tenant.purchase(7L));

            assertThat(before.statusCode()).isEqualTo(201);
            assertThat(after.statusCode()).isEqualTo(201);
            assertThat(after.getHeader("X-Idempotent-Replay")).isEqualTo("true");
            assertThat(after.body().getBytes()).isEqualTo(before.body().getBytes());
            assertThat(service.meta().requests()).hasSize(1);
        }
    }

    private static long countIdempotencyRecords(String databaseUrl) {
        JdbcSettings jdbc = JdbcSettings.fromDatabaseUrl(databaseUrl);
        try (Connection connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
                ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM idempotency_records")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("could not count idempotency records: " + e.getMessage(), e);
        }
    }
}
