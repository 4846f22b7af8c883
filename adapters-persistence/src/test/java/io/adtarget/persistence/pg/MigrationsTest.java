package io.adtarget.persistence.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adtarget.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    @Test
    void migrations_apply_to_an_empty_database_and_are_idempotent_on_a_migrated_one() {
        String url = TestPostgres.freshDatabase();
        assertThat(Migrations.migrate(url)).isEqualTo(migrationFiles());
        assertThat(Migrations.migrate(url)).isZero();
        JdbcSettings jdbc = JdbcSettings.fromDatabaseUrl(url);
        assertThat(Migrations.migrate(jdbc.url(), jdbc.user(), jdbc.password())).isZero();
        TestPostgres.dropDatabase(url);
    }

    /** Every versioned migration the module ships (V1, V3, … and V6_1-style sub-versions, as branches add them). */
    private static int migrationFiles() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V[0-9]+(_[0-9]+)*__.*\\.sql")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void jdbc_settings_come_from_postgres_urls_with_ssl_mode_and_never_print_the_password() {
        JdbcSettings s = JdbcSettings.fromDatabaseUrl("postgres://app:s3cret@db.internal:6543/adtarget?sslmode=require");
        assertThat(s.url()).isEqualTo("jdbc:postgresql://db.internal:6543/adtarget?sslmode=require");
        assertThat(s.user()).isEqualTo("app");
        assertThat(s.password()).isEqualTo("s3cret");
        assertThat(s.toString()).doesNotContain("s3cret");
    }

    @Test
    void a_malformed_database_url_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> JdbcSettings.fromDatabaseUrl("mysql://u:topsecret@h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("topsecret");
    }
}
