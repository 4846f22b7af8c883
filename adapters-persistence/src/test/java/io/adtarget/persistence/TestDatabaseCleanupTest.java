package io.adtarget.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.persistence.pg.JdbcSettings;
import io.adtarget.persistence.testing.LeakyTestRun;
import io.adtarget.persistence.testing.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Tests leave no {@code adtarget_test_*} database behind on the shared server, even when they forget to drop one. */
class TestDatabaseCleanupTest {

    @Test
    void a_test_jvm_that_exits_without_dropping_its_database_still_leaves_none_behind() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LeakyTestRun.class.getName(), "migrate")
                .redirectErrorStream(true).start();
        List<String> output;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            output = in.lines().toList();
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String url = output.stream().filter(line -> line.startsWith("created ")).findFirst()
                .orElseThrow(() -> new AssertionError(String.join("\n", output))).substring("created ".length());

        assertThat(child.exitValue()).isZero();
        assertThat(exists(databaseName(url))).as("database of the exited JVM").isFalse();
    }

    @Test
    void a_database_left_by_a_run_hours_ago_is_dropped_and_a_recent_one_is_kept() {
        String stale = TestPostgres.databaseName(Instant.now().minus(Duration.ofHours(7)));
        String recent = TestPostgres.databaseName(Instant.now().minus(Duration.ofMinutes(5)));
        TestPostgres.execute(TestPostgres.serverUrl(), "CREATE DATABASE " + stale);
        TestPostgres.execute(TestPostgres.serverUrl(), "CREATE DATABASE " + recent);
        try {
            TestPostgres.dropStaleDatabases();

            assertThat(exists(stale)).as("stale").isFalse();
            assertThat(exists(recent)).as("recent, maybe another build's").isTrue();
        } finally {
            TestPostgres.execute(TestPostgres.serverUrl(), "DROP DATABASE IF EXISTS " + stale);
            TestPostgres.execute(TestPostgres.serverUrl(), "DROP DATABASE IF EXISTS " + recent);
        }
    }

    private static String databaseName(String url) {
        return url.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
    }

    private static boolean exists(String name) {
        JdbcSettings jdbc = JdbcSettings.fromDatabaseUrl(TestPostgres.serverUrl());
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
                PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, name);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
