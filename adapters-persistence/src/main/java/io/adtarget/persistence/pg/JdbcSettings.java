package io.adtarget.persistence.pg;

import io.vertx.pgclient.PgConnectOptions;
import java.util.Objects;

/** JDBC coordinates derived from a {@code postgresql://} URL, for Flyway. {@code toString} hides the password. */
public record JdbcSettings(String url, String user, String password) {
    public JdbcSettings {
        Objects.requireNonNull(url, "url");
    }

    public static JdbcSettings fromDatabaseUrl(String databaseUrl) {
        PgConnectOptions options = PgPools.connectOptions(databaseUrl);
        StringBuilder url = new StringBuilder("jdbc:postgresql://")
                .append(hostPart(options.getHost())).append(':').append(options.getPort())
                .append('/').append(options.getDatabase());
        if (options.getSslMode() != null) {
            url.append("?sslmode=").append(options.getSslMode().value);
        }
        return new JdbcSettings(url.toString(), options.getUser(), options.getPassword());
    }

    private static String hostPart(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
