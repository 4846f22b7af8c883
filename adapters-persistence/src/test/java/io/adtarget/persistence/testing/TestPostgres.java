package io.adtarget.persistence.testing;

import io.adtarget.persistence.pg.JdbcSettings;
import io.adtarget.persistence.pg.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Postgres server tests use, started once per JVM: {@code ADTARGET_TEST_PG_URL} if set, else
 * Testcontainers when Docker is available, else an embedded server. Each caller gets its own database.
 */
public final class TestPostgres {
    public static final String ENV = "ADTARGET_TEST_PG_URL";
    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
    private static String serverUrl;

    private TestPostgres() {
    }

    /** The chosen server's URL, pointing at its maintenance database {@code postgres}. */
    public static synchronized String serverUrl() {
        if (serverUrl == null) {
            serverUrl = start();
        }
        return serverUrl;
    }

    /** A new, empty, randomly named database on the shared server; its {@code postgresql://} URL. */
    public static String freshDatabase() {
        return freshDatabase(false);
    }

    /** A new randomly named database, migrated to the current schema when {@code migrate}. */
    public static String freshDatabase(boolean migrate) {
        String name = "adtarget_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String server = serverUrl();
        execute(server, "CREATE DATABASE " + name);
        String url = withDatabase(server, name);
        if (migrate) {
            Migrations.migrate(url);
        }
        return url;
    }

    /** Drops a database made by {@link #freshDatabase}, closing whatever connections it still has. */
    public static void dropDatabase(String databaseUrl) {
        String name = databaseUrl.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
        if (!name.startsWith("adtarget_test_")) {
            throw new IllegalArgumentException("not a test database");
        }
        execute(serverUrl(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Runs one statement over JDBC (test set-up only). */
    public static void execute(String databaseUrl, String sql) {
        JdbcSettings jdbc = JdbcSettings.fromDatabaseUrl(databaseUrl);
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database statement failed: " + e.getMessage(), e);
        }
    }

    /** Replaces the database name in a {@code postgresql://…/db[?query]} URL. */
    public static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', base.indexOf("://") + 3);
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + rest;
    }

    private static String start() {
        String fromEnv = System.getenv(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            LOG.info("test postgres: using {} (from {})", redact(fromEnv), ENV);
            return fromEnv;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            String url = "postgresql://" + container.getUsername() + ":" + container.getPassword() + "@"
                    + container.getHost() + ":" + container.getMappedPort(5432) + "/postgres";
            LOG.info("test postgres: Testcontainers postgres:15-alpine on port {}", container.getMappedPort(5432));
            return url;
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            LOG.info("test postgres: embedded PostgreSQL on port {}", embedded.getPort());
            return "postgresql://postgres@localhost:" + embedded.getPort() + "/postgres";
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@");
    }
}
