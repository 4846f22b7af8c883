package io.adtarget.bootstrap.storms;

import io.adtarget.persistence.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only looks at a test database over JDBC, for state no public endpoint lists in one call. */
final class Database {
    private Database() {
    }

    /** Rows of a query as column → value maps (test assertions only). */
    static List<Map<String, Object>> query(String databaseUrl, String sql) {
        JdbcSettings jdbc = JdbcSettings.fromDatabaseUrl(databaseUrl);
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + e.getMessage(), e);
        }
    }

    /** Status → count of all conversions. */
    static Map<String, Long> statusCounts(String databaseUrl) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map<String, Object> row : query(databaseUrl,
                "SELECT status, count(*) AS n FROM conversions GROUP BY status ORDER BY status")) {
            counts.put((String) row.get("status"), ((Number) row.get("n")).longValue());
        }
        return counts;
    }
}
