package io.adtarget.bootstrap.testing;

import io.adtarget.persistence.pg.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Read-only looks into a test database over JDBC, for state no public endpoint shows in one call. */
public final class Database {
    private Database() {
    }

    /** Rows of a query as column → value maps (test assertions only). */
    public static List<Map<String, Object>> query(String databaseUrl, String sql) {
        List<Map<String, Object>> rows = new ArrayList<>();
        withStatement(databaseUrl, statement -> {
            try (ResultSet rs = statement.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
        });
        return rows;
    }

    /** Status → count of all conversions. */
    public static Map<String, Long> statusCounts(String databaseUrl) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map<String, Object> row : query(databaseUrl,
                "SELECT status, count(*) AS n FROM conversions GROUP BY status ORDER BY status")) {
            counts.put((String) row.get("status"), ((Number) row.get("n")).longValue());
        }
        return counts;
    }

    /** Per table of the public schema: its row count and an md5 over all rows, so any change shows. */
    public static Map<String, String> fingerprint(String databaseUrl) {
        Map<String, String> out = new TreeMap<>();
        withStatement(databaseUrl, statement -> {
            for (String table : tables(statement)) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "
                        + table + " t")) {
                    rows.next();
                    out.put(table, rows.getLong(1) + " rows, md5 " + rows.getString(2));
                }
            }
        });
        return out;
    }

    /** Every row of {@code table}, each as Postgres's text form of the whole row. */
    public static List<String> rowsAsText(String databaseUrl, String table) {
        List<String> out = new ArrayList<>();
        withStatement(databaseUrl, statement -> {
            try (ResultSet rows = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
        });
        return out;
    }

    /** The base tables of the public schema, by name. */
    public static List<String> tables(String databaseUrl) {
        List<String> out = new ArrayList<>();
        withStatement(databaseUrl, statement -> out.addAll(tables(statement)));
        return out;
    }

    private static List<String> tables(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private interface Work {
        void run(Statement statement) throws SQLException;
    }

    private static void withStatement(String databaseUrl, Work work) {
        JdbcSettings jdbc = JdbcSettings.fromDatabaseUrl(databaseUrl);
        try (Connection connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
                Statement statement = connection.createStatement()) {
            work.run(statement);
        } catch (SQLException e) {
            throw new AssertionError("database look-up failed: " + e.getMessage(), e);
        }
    }
}
