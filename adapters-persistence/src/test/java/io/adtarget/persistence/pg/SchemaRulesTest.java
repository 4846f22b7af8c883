package io.adtarget.persistence.pg;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.persistence.ConversionSamples;
import io.adtarget.persistence.testing.PgTestDatabase;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schema's own rules, the last line behind the domain model: migration V11 moved the single-column checks
 * of {@code conversions}, {@code idempotency_records} and {@code delivery_attempts} into domains (issue #15,
 * for their cost); every rule must still refuse what it refused before, and a valid row must still pass.
 */
class SchemaRulesTest {
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static PgTestDatabase db;
    static ConversionEvent stored;

    @BeforeAll
    static void start() {
        db = PgTestDatabase.create();
        AccountId account = new AccountId(UUID.randomUUID());
        SiteId site = new SiteId(UUID.randomUUID());
        db.givenSite(account.value(), site.value());
        ConversionSamples samples = new ConversionSamples(account, site, new SplittableRandom(11));
        stored = result(new PgConversionRepository(db.pool()).upsert(samples.candidate(5, null, "10", T0), T0,
                Duration.ofHours(48))).conversion();
        run("INSERT INTO idempotency_records (api_key_id, idem_key, owner_token, created_at, lease_until)"
                + " VALUES ('" + UUID.randomUUID() + "', 'order-1', 'owner', now(), now())");
        run("INSERT INTO delivery_attempts (conversion_id, account_id, site_id, attempt_number, attempted_at, outcome,"
                + " http_status, latency_ms, fbtrace_id) VALUES ('" + stored.id().value() + "', '" + account.value()
                + "', '" + site.value() + "', 1, now(), 'sent', 200, 5, 'trace')");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE conversions SET key_mode = 'prod'",
            "UPDATE conversions SET telegram_user_id = 0",
            "UPDATE conversions SET status = 'done'",
            "UPDATE conversions SET attempts = -1",
            "UPDATE conversions SET last_error_code = 'boom', last_error_message = 'm', last_error_retryable = true",
            "UPDATE conversions SET status = 'skipped', skip_reason = 'bored'",
            "UPDATE conversions SET version = -1",
            "UPDATE conversions SET user_data = '[]'",
            "UPDATE conversions SET action_source = 'carrier_pigeon'",
            "UPDATE conversions SET data_processing_options = '\"LDU\"'",
            "UPDATE conversions SET source = 'csv'",
            "UPDATE conversions SET value_currency = NULL",
            "UPDATE conversions SET last_error_code = 'meta-auth'",
            "UPDATE conversions SET status = 'sent', sent_at = NULL",
            "UPDATE conversions SET status = 'skipped', skip_reason = NULL",
            "UPDATE idempotency_records SET idem_key = ''",
            "UPDATE idempotency_records SET idem_key = repeat('k', 129)",
            "UPDATE idempotency_records SET response_status = 99, response_content_type = 'a/b', response_body = 'x'",
            "UPDATE idempotency_records SET response_status = 200",
            "UPDATE delivery_attempts SET attempt_number = -1",
            "UPDATE delivery_attempts SET outcome = 'maybe'",
            "UPDATE delivery_attempts SET http_status = 600",
            "UPDATE delivery_attempts SET fbtrace_id = repeat('t', 65)",
            "UPDATE delivery_attempts SET latency_ms = -5"})
    void each_rule_refuses_what_it_refused_before(String sql) {
        Throwable refused = failure(db.pool().query(sql).execute().mapEmpty());

        assertThat(refused).isInstanceOf(PgException.class);
        assertThat(((PgException) refused).getSqlState()).as(sql).isEqualTo("23514");
    }

    @Test
    void valid_values_still_pass_every_rule() {
        // rolled back, so the refusals above meet the rows as first stored whatever the order of the tests
        run("BEGIN; UPDATE conversions SET status = 'skipped', skip_reason = 'site-disabled', action_source = 'website',"
                + " data_processing_options = NULL, user_data = '{\"em\":\"x\"}', source = 'telegram-join';"
                + " UPDATE idempotency_records SET idem_key = repeat('k', 128), response_status = 201,"
                + " response_content_type = 'application/json', response_body = 'x';"
                + " UPDATE delivery_attempts SET outcome = 'meta-timeout', http_status = NULL, fbtrace_id = repeat('t', 64);"
                + " ROLLBACK");
    }

    /**
     * The mappings the hot path relies on match the schema: {@code ConversionRows} names every column of
     * {@code conversions} (the one-statement insert of V10 fills the row from that list by name, and a column
     * it missed would be NULL rather than its default), and casts exactly the domain-typed ones to their base
     * types (the client cannot encode a domain's own type).
     */
    @Test
    void the_row_mapping_names_every_column_and_casts_exactly_the_domain_columns() {
        var rows = result(db.pool().query("SELECT column_name, domain_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND table_name = 'conversions'").execute());
        java.util.Map<String, String> domains = new java.util.HashMap<>();
        java.util.List<String> columns = new java.util.ArrayList<>();
        rows.forEach(row -> {
            columns.add(row.getString("column_name"));
            if (row.getString("domain_name") != null) {
                domains.put(row.getString("column_name"), row.getString("data_type"));
            }
        });

        assertThat(ConversionRows.columnNames()).containsExactlyInAnyOrderElementsOf(columns);
        assertThat(ConversionRows.domainBaseTypes()).isEqualTo(domains);
    }

    /**
     * The batched statements (issue #15) cast every parameter to its column's type, since a VALUES list infers
     * none from the table: each cast must be the column's own (base) type, or text assignable to it ({@code char(3)}).
     */
    @Test
    void the_batched_statements_cast_each_column_to_its_own_type() {
        var rows = result(db.pool().query("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND table_name = 'conversions'").execute());
        java.util.Map<String, String> types = new java.util.HashMap<>();
        rows.forEach(row -> types.put(row.getString("column_name"), switch (row.getString("data_type")) {
            case "timestamp with time zone" -> "timestamptz";
            case "character" -> "text";
            default -> row.getString("data_type");
        }));

        assertThat(ConversionRows.columnTypes()).isEqualTo(types);
    }

    static void run(String sql) {
        result(db.pool().query(sql).execute());
    }

    static Throwable failure(Future<Void> future) {
        try {
            result(future);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof PgException)) {
                cause = cause.getCause();
            }
            return cause;
        }
        throw new AssertionError("the statement was accepted");
    }
}
