package io.adtarget.persistence.pg;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the Flyway migrations in {@code db/migration}. Blocking: run it off the event loop. */
public final class Migrations {
    private Migrations() {
    }

    /** Migrates the database and returns how many migrations were applied (0 when already current). */
    public static int migrate(String jdbcUrl, String user, String password) {
        MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration")
                .connectRetries(0)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    /** Migrates the database named by a {@code postgresql://} URL. */
    public static int migrate(String databaseUrl) {
        JdbcSettings jdbc = JdbcSettings.fromDatabaseUrl(databaseUrl);
        return migrate(jdbc.url(), jdbc.user(), jdbc.password());
    }
}
