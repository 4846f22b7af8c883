package io.adtarget.persistence.testing;

import io.adtarget.persistence.pg.JdbcSettings;
import io.adtarget.persistence.pg.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Postgres server tests use, started once per JVM: {@code ADTARGET_TEST_PG_URL} if set, else
 * Testcontainers when Docker is available, else an embedded server. Each caller gets its own database,
 * and none outlives the JVM: what a test did not drop is dropped when the JVM exits, and databases
 * older than {@link #STALE_AFTER} (a JVM killed before its exit hook ran) are dropped when the next starts.
 */
public final class TestPostgres {
    public static final String ENV = "ADTARGET_TEST_PG_URL";
    /** Longer than any test run; a database this old on the shared server belongs to nobody any more. */
    static final Duration STALE_AFTER = Duration.ofHours(6);
    private static final String PREFIX = "adtarget_test_";
    private static final Pattern NAME = Pattern.compile("^" + PREFIX + "([0-9]{10})_[0-9a-f]{12}$");
    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static String serverUrl;

    private TestPostgres() {
    }

    /** The chosen server's URL, pointing at its maintenance database {@code postgres}. */
    public static synchronized String serverUrl() {
        if (serverUrl == null) {
            serverUrl = start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated, "drop-test-databases"));
            dropStaleDatabases();
        }
        return serverUrl;
    }

    /** A new, empty, randomly named database on the shared server; its {@code postgresql://} URL. */
    public static String freshDatabase() {
        return freshDatabase(false);
    }

    /** A new randomly named database, migrated to the current schema when {@code migrate}. */
    public static String freshDatabase(boolean migrate) {
        String name = databaseName(Instant.now());
        String server = serverUrl();
        CREATED.add(name);
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
        if (!name.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a test database");
        }
        execute(serverUrl(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        CREATED.remove(name);
    }

    /** A test database name that carries its creation time, so a later run can tell a stale one. */
    public static String databaseName(Instant created) {
        return PREFIX + created.getEpochSecond() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * Drops the test databases created more than {@link #STALE_AFTER} ago (by their name), left by JVMs
     * that were killed; younger ones may belong to a build running beside this one and are kept.
     */
    public static void dropStaleDatabases() {
        long cutoff = Instant.now().minus(STALE_AFTER).getEpochSecond();
        List<String> stale = new ArrayList<>();
        JdbcSettings jdbc = JdbcSettings.fromDatabaseUrl(serverUrl());
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'adtarget\\_test\\_%'")) {
            while (rows.next()) {
                Matcher name = NAME.matcher(rows.getString(1));
                if (name.matches() && Long.parseLong(name.group(1)) < cutoff) {
                    stale.add(name.group());
                }
            }
        } catch (SQLException e) {
            LOG.warn("could not list stale test databases: {}", e.getMessage());
            return;
        }
        stale.addAll(legacyStale());
        for (String name : stale) {
            try {
                execute(serverUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (IllegalStateException e) {
                LOG.warn("could not drop stale test database {}: {}", name, e.getMessage());
            }
        }
        if (!stale.isEmpty()) {
            LOG.info("dropped {} stale test database(s) older than {}", stale.size(), STALE_AFTER);
        }
    }

    /**
     * Databases named before names carried their time ({@code adtarget_test_<16 hex>}), dated by their
     * PG_VERSION file; reading it needs a superuser (or pg_read_server_files), else none are found.
     */
    private static List<String> legacyStale() {
        List<String> stale = new ArrayList<>();
        JdbcSettings jdbc = JdbcSettings.fromDatabaseUrl(serverUrl);
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT datname FROM pg_database WHERE datname ~ '^adtarget_test_[0-9a-f]{16}$'"
                        + " AND (pg_stat_file('base/' || oid || '/PG_VERSION')).modification < now() - interval '"
                        + STALE_AFTER.toHours() + " hours'")) {
            while (rows.next()) {
                stale.add(rows.getString(1));
            }
        } catch (SQLException notAllowed) {
            // not a superuser: the old-style leftovers stay for a person to drop
        }
        return stale;
    }

    private static void dropCreated() {
        for (String name : List.copyOf(CREATED)) {
            try {
                execute(serverUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                // the JVM is exiting: a database that cannot be dropped now is dropped as stale later
            }
        }
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
