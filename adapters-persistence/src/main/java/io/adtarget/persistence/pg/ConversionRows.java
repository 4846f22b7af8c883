package io.adtarget.persistence.pg;

import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.ClientEventId;
import io.adtarget.domain.conversion.ConversionDetails;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.ConversionOrigin;
import io.adtarget.domain.conversion.ConversionIdentity;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.adtarget.domain.conversion.DeliveryState;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.conversion.SkipReason;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.Money;
import io.adtarget.domain.shared.SiteId;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Maps the {@code conversions} table to {@link ConversionEvent} and back. Each column is named once, in
 * {@link #TABLE}, with the value it stores; the INSERT and UPDATE texts and their tuples are all built from that
 * list, so no positional parameter is written by hand. A new column is one line in {@link #TABLE} and one in
 * {@link #from(Row)}.
 */
final class ConversionRows {
    /** A column and how a conversion fills it; {@code revisable} columns are the ones an UPDATE sets. */
    private record Column(String name, String type, boolean revisable, Function<ConversionEvent, Object> value) {
    }

    private static final List<Column> TABLE = List.of(
            fixed("id", "uuid", c -> c.id().value()),
            fixed("account_id", "uuid", c -> c.accountId().value()),
            fixed("site_id", "uuid", c -> c.siteId().value()),
            fixed("key_mode", "text", c -> c.keyMode().slug()),
            fixed("telegram_user_id", "bigint", c -> c.telegramUserId().value()),
            fixed("channel_id", "text", c -> c.channelId().value()),
            fixed("event_type", "text", c -> c.eventType().value()),
            fixed("client_event_id", "text", c -> c.clientEventId() == null ? null : c.clientEventId().value()),
            fixed("source", "text", c -> c.origin().source()),
            fixed("visit_id", "uuid", c -> c.origin().visitId()),
            revisable("value_amount", "numeric",
                    c -> c.details().value() == null ? null : c.details().value().amount()),
            revisable("value_currency", "text", c -> c.details().value() == null
                    ? null : c.details().value().currency().getCurrencyCode()),
            revisable("event_time", "timestamptz", c -> Sql.ts(c.details().eventTime())),
            revisable("event_source_url", "text", c -> c.details().eventSourceUrl()),
            revisable("custom_data", "jsonb", c -> Sql.json(c.details().customData())),
            revisable("user_data", "jsonb", c -> MatchDataColumns.userData(c.details().matchData().userData())),
            revisable("action_source", "text", c -> MatchDataColumns.actionSource(c.details().matchData())),
            revisable("data_processing_options", "jsonb",
                    c -> MatchDataColumns.processingOptions(c.details().matchData().dataProcessingOptions())),
            revisable("status", "text", c -> c.status().slug()),
            revisable("attempts", "integer", ConversionEvent::attempts),
            fixed("created_at", "timestamptz", c -> Sql.ts(c.createdAt())),
            revisable("updated_at", "timestamptz", c -> Sql.ts(c.updatedAt())),
            revisable("sent_at", "timestamptz", c -> Sql.ts(c.sentAt())),
            revisable("fbtrace_id", "text", ConversionEvent::fbtraceId),
            revisable("last_error_code", "text", c -> error(c, e -> e.code().slug())),
            revisable("last_error_message", "text", c -> error(c, DeliveryError::message)),
            revisable("last_error_retryable", "boolean", c -> error(c, DeliveryError::retryable)),
            revisable("last_error_meta_code", "integer", c -> error(c, DeliveryError::metaCode)),
            revisable("last_error_fbtrace_id", "text", c -> error(c, DeliveryError::fbtraceId)),
            revisable("skip_reason", "text", c -> c.skipReason() == null ? null : c.skipReason().slug()),
            revisable("next_attempt_at", "timestamptz", c -> Sql.ts(c.nextAttemptAt())),
            revisable("lease_until", "timestamptz", c -> Sql.ts(c.leaseUntil())));

    private static final List<Column> REVISABLE = TABLE.stream().filter(Column::revisable).toList();

    /** Every column, {@code version} last. */
    static final String COLUMNS = TABLE.stream().map(Column::name).collect(Collectors.joining(", "))
            + ", version";

    /** Every column's type as the statements cast it (a domain column's base type), {@code version} included. */
    private static final Map<String, String> TYPES = java.util.Collections.unmodifiableMap(
            java.util.stream.Stream.concat(TABLE.stream().map(column -> Map.entry(column.name(), column.type())),
                            java.util.stream.Stream.of(Map.entry("version", "bigint")))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                            java.util.LinkedHashMap::new)));

    /**
     * The columns whose type is a domain (migration V11). A parameter bound to such a column is cast to the base
     * type even in the single-row statements, so the client encodes it as that type and Postgres applies the
     * domain's checks on assignment (the client cannot encode a value for a domain's own type).
     */
    private static final java.util.Set<String> DOMAIN_COLUMNS = java.util.Set.of("key_mode", "telegram_user_id",
            "status", "attempts", "last_error_code", "skip_reason", "version", "user_data", "action_source",
            "data_processing_options", "source");

    /** Every column name {@link #TABLE} maps, {@code version} included (for the schema test). */
    static List<String> columnNames() {
        return java.util.stream.Stream.concat(TABLE.stream().map(Column::name), java.util.stream.Stream.of("version"))
                .toList();
    }

    /** The domain-typed columns and their base types, as the SQL casts them (for the schema test). */
    static Map<String, String> domainBaseTypes() {
        return DOMAIN_COLUMNS.stream().collect(Collectors.toMap(name -> name, TYPES::get));
    }

    /** {@code $i}, cast to the base type when {@code column} is of a domain type. */
    private static String param(int i, String column) {
        return "$" + i + (DOMAIN_COLUMNS.contains(column) ? "::" + TYPES.get(column) : "");
    }

    /** All columns of {@link #insertParams}, in their order. */
    static final String INSERT = "INSERT INTO conversions (" + COLUMNS + ") VALUES ("
            + IntStream.range(0, TABLE.size()).mapToObj(i -> param(i + 1, TABLE.get(i).name()))
                    .collect(Collectors.joining(", "))
            + ", " + param(TABLE.size() + 1, "version") + ") RETURNING " + COLUMNS;

    /** The match-key columns in {@code conversions_match_locked}'s order, with its argument types. */
    private static final List<String[]> MATCH_ARGUMENTS = List.of(new String[] {"site_id", "uuid"},
            new String[] {"key_mode", "text"}, new String[] {"telegram_user_id", "bigint"},
            new String[] {"channel_id", "text"}, new String[] {"event_type", "text"},
            new String[] {"client_event_id", "text"});

    /**
     * {@link #INSERT}, unless a match of the row's key was created after the last parameter (V12
     * {@code conversions_match_locked}, which first takes the match key's advisory lock, the second-last parameter):
     * {@link #insertParams} followed by the lock key and the bound; no row comes back when a match exists.
     */
    static final String INSERT_UNLESS_MATCHED = "INSERT INTO conversions (" + COLUMNS + ") SELECT "
            + IntStream.range(0, TABLE.size()).mapToObj(i -> param(i + 1, TABLE.get(i).name()))
                    .collect(Collectors.joining(", "))
            + ", " + param(TABLE.size() + 1, "version")
            + " WHERE NOT conversions_match_locked($" + (TABLE.size() + 2) + "::bigint, $" + (TABLE.size() + 3)
            + "::timestamptz, " + MATCH_ARGUMENTS.stream().map(a -> paramOf(a[0]) + "::" + a[1])
                    .collect(Collectors.joining(", "))
            + ") RETURNING " + COLUMNS;

    /** The placeholder of {@code column} in {@link #INSERT}. */
    private static String paramOf(String column) {
        int i = TABLE.stream().map(Column::name).toList().indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        return "$" + (i + 1);
    }

    /** Sets the revisable columns of the row {@link #updateParams} names, if it still has the expected version. */
    static final String UPDATE_IF_VERSION = "UPDATE conversions SET "
            + IntStream.range(0, REVISABLE.size()).mapToObj(i -> REVISABLE.get(i).name() + " = "
                    + param(i + 2, REVISABLE.get(i).name()))
                    .collect(Collectors.joining(", "))
            + ", version = version + 1 WHERE id = $1 AND version = $" + (REVISABLE.size() + 2)
            + " RETURNING " + COLUMNS;

    private ConversionRows() {
    }

    private static Column fixed(String name, String type, Function<ConversionEvent, Object> value) {
        return new Column(name, type, false, value);
    }

    private static Column revisable(String name, String type, Function<ConversionEvent, Object> value) {
        return new Column(name, type, true, value);
    }

    private static Object error(ConversionEvent c, Function<DeliveryError, Object> part) {
        return c.lastError() == null ? null : part.apply(c.lastError());
    }

    /** The parameters of {@link #INSERT}: the conversion stored with {@code version}. */
    static Tuple insertParams(ConversionEvent c, long version) {
        Tuple t = Tuple.tuple();
        TABLE.forEach(column -> t.addValue(column.value().apply(c)));
        return t.addLong(version);
    }

    /** The parameters of {@link #INSERT_UNLESS_MATCHED}: {@link #insertParams}, the lock key, the match bound. */
    static Tuple insertUnlessMatchedParams(ConversionEvent c, long version, long lockKey, Object createdAfter) {
        return insertParams(c, version).addLong(lockKey).addValue(createdAfter);
    }

    /**
     * {@link #UPDATE_IF_VERSION} and the request's idempotency completion as one statement (issue #15): the
     * completion's UPDATE runs only when the conversion's did, and both commit together, in one implicit
     * transaction. Parameters: those of {@link #updateParams}, then the seven of
     * {@code PgIdempotencyStore.completeParams}. The row comes back with {@code completed} = 1 when the
     * record took the response.
     */
    static final String UPDATE_IF_VERSION_AND_COMPLETE = completing(REVISABLE.size() + 2);

    private static String completing(int n) {
        return "WITH saved AS (" + UPDATE_IF_VERSION + "), completed AS (UPDATE idempotency_records"
                + " SET response_status = $" + (n + 4) + "::integer, response_content_type = $" + (n + 5)
                + ", response_body = $" + (n + 6) + ", conversion_id = $" + (n + 7)
                + " WHERE api_key_id = $" + (n + 1) + " AND idem_key = $" + (n + 2) + " AND owner_token = $" + (n + 3)
                + " AND response_status IS NULL AND EXISTS (SELECT 1 FROM saved) RETURNING 1)"
                + " SELECT saved.*, (SELECT count(*) FROM completed) AS completed FROM saved";
    }

    /** The columns and types of one completion in the batched outcome ({@code PgIdempotencyStore.completeParams}). */
    private static final List<String[]> COMPLETION_COLUMNS = List.of(new String[] {"api_key_id", "uuid"},
            new String[] {"idem_key", "text"}, new String[] {"owner_token", "text"},
            new String[] {"response_status", "integer"}, new String[] {"response_content_type", "text"},
            new String[] {"response_body", "bytea"}, new String[] {"response_conversion_id", "uuid"});

    private static String qualified(String alias) {
        return columnNames().stream().map(name -> alias + "." + name).collect(Collectors.joining(", "));
    }

    /**
     * {@link #INSERT_UNLESS_MATCHED} for {@code n} candidates in one statement (issue #15, concurrent requests
     * batched): each row of the VALUES list is {@link #insertUnlessMatchedParams}, every parameter cast to its
     * column's base type (a VALUES list infers no type from the target). Postgres filters the rows in their
     * order, so the caller sorts them by lock key: two batches take their advisory locks in the same order.
     * The rows that come back are the ones created; a candidate without one met a match.
     */
    static String insertUnlessMatchedBatch(int n) {
        return n <= Batches.MAX_BATCH ? BatchTexts.CREATIONS[n] : creations(n);
    }

    /**
     * The batched statements' texts for every batch size, built once (each is up to ~10,000 characters; building
     * it for every batch was a tenth of the service's allocations under load). A holder class, so that they are
     * built after the column lists they are made of.
     */
    private static final class BatchTexts {
        static final String[] CREATIONS = Batches.bySize(Batches.MAX_BATCH, ConversionRows::creations);
        static final String[] OUTCOMES = Batches.bySize(Batches.MAX_BATCH, ConversionRows::outcomes);
    }

    private static String creations(int n) {
        List<String> types = new java.util.ArrayList<>(TABLE.stream().map(Column::type).toList());
        types.addAll(List.of(TYPES.get("version"), "bigint", "timestamptz"));
        return "INSERT INTO conversions (" + COLUMNS + ") SELECT " + qualified("t") + " FROM (VALUES "
                + Batches.valuesRows(n, types) + ") AS t (" + COLUMNS + ", lock_key, created_after)"
                + " WHERE NOT conversions_match_locked(t.lock_key, t.created_after, " + MATCH_ARGUMENTS.stream()
                        .map(a -> "t." + a[0]).collect(Collectors.joining(", "))
                + ") RETURNING " + COLUMNS;
    }

    /**
     * {@link #UPDATE_IF_VERSION_AND_COMPLETE} for {@code n} outcomes in one statement and one commit: each row of
     * the VALUES list is {@link #updateParams} followed by {@code PgIdempotencyStore.completeParams}. A
     * conversion is updated when its version is still the expected one; its request's record is completed only
     * when the conversion was. Each row that comes back is an updated conversion, {@code completed} = 1 when its
     * record took the response.
     */
    static String updateAndCompleteBatch(int n) {
        return n <= Batches.MAX_BATCH ? BatchTexts.OUTCOMES[n] : outcomes(n);
    }

    private static String outcomes(int n) {
        List<String> names = new java.util.ArrayList<>(List.of("id"));
        List<String> types = new java.util.ArrayList<>(List.of("uuid"));
        REVISABLE.forEach(column -> {
            names.add(column.name());
            types.add(column.type());
        });
        names.add("expected_version");
        types.add("bigint");
        COMPLETION_COLUMNS.forEach(column -> {
            names.add(column[0]);
            types.add(column[1]);
        });
        return "WITH v (" + String.join(", ", names) + ") AS (VALUES " + Batches.valuesRows(n, types) + "),"
                + " saved AS (UPDATE conversions c SET " + REVISABLE.stream()
                        .map(column -> column.name() + " = v." + column.name()).collect(Collectors.joining(", "))
                + ", version = c.version + 1 FROM v WHERE c.id = v.id AND c.version = v.expected_version"
                + " RETURNING " + qualified("c") + "),"
                + " completed AS (UPDATE idempotency_records r SET response_status = v.response_status,"
                + " response_content_type = v.response_content_type, response_body = v.response_body,"
                + " conversion_id = v.response_conversion_id FROM v WHERE r.api_key_id = v.api_key_id"
                + " AND r.idem_key = v.idem_key AND r.owner_token = v.owner_token AND r.response_status IS NULL"
                + " AND v.id IN (SELECT id FROM saved) RETURNING v.id)"
                + " SELECT saved.*, (SELECT count(*) FROM completed k WHERE k.id = saved.id) AS completed FROM saved";
    }

    /** Every column's type as the batched statements cast it (a domain column's base type), for the schema test. */
    static Map<String, String> columnTypes() {
        return TYPES;
    }

    /**
     * {@code next} as {@link #UPDATE_IF_VERSION} will store it over {@code expectedVersion}: its delivery times
     * cut to the microsecond Postgres keeps, its version the next one. Its details are those of the stored row
     * it was derived from, so rendering it renders the row the UPDATE returns.
     */
    static ConversionEvent asStored(ConversionEvent next, long expectedVersion) {
        DeliveryState d = next.delivery();
        return new ConversionEvent(next.identity(), next.details(), new DeliveryState(d.status(), d.attempts(),
                micros(d.updatedAt()), micros(d.sentAt()), d.fbtraceId(), d.lastError(), d.skipReason(),
                micros(d.nextAttemptAt()), micros(d.leaseUntil()), expectedVersion + 1));
    }

    private static java.time.Instant micros(java.time.Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The parameters of {@link #UPDATE_IF_VERSION}: {@code next} replaces the row at {@code expectedVersion}. */
    static Tuple updateParams(ConversionEvent next, long expectedVersion) {
        Tuple t = Tuple.of(next.id().value());
        REVISABLE.forEach(column -> t.addValue(column.value().apply(next)));
        return t.addLong(expectedVersion);
    }

    static ConversionEvent from(Row r) {
        BigDecimal amount = r.getBigDecimal("value_amount");
        String currency = r.getString("value_currency");
        Money value = amount == null ? null : new Money(amount, Currency.getInstance(currency.trim()));
        ConversionDetails details = new ConversionDetails(value, Sql.instant(r.getOffsetDateTime("event_time")),
                r.getString("event_source_url"), Sql.plainMap(r.getJsonObject("custom_data")),
                MatchDataColumns.read(r.getJsonObject("user_data"), r.getString("action_source"),
                        r.getJsonObject("data_processing_options")));
        String clientEventId = r.getString("client_event_id");
        String errorCode = r.getString("last_error_code");
        DeliveryError error = errorCode == null ? null : new DeliveryError(DeliveryErrorCode.fromSlug(errorCode),
                r.getString("last_error_message"), r.getBoolean("last_error_retryable"),
                r.getInteger("last_error_meta_code"), r.getString("last_error_fbtrace_id"));
        String skip = r.getString("skip_reason");
        ConversionIdentity identity = new ConversionIdentity(
                new ConversionId(r.getUUID("id")),
                new AccountId(r.getUUID("account_id")),
                new SiteId(r.getUUID("site_id")),
                KeyMode.fromSlug(r.getString("key_mode")),
                new TelegramUserId(r.getLong("telegram_user_id")),
                new ChannelId(r.getString("channel_id")),
                new EventType(r.getString("event_type")),
                clientEventId == null ? null : new ClientEventId(clientEventId),
                Sql.instant(r.getOffsetDateTime("created_at")),
                ConversionOrigin.of(r.getString("source"), r.getUUID("visit_id")));
        DeliveryState delivery = new DeliveryState(
                ConversionStatus.fromSlug(r.getString("status")),
                r.getInteger("attempts"),
                Sql.instant(r.getOffsetDateTime("updated_at")),
                Sql.instant(r.getOffsetDateTime("sent_at")),
                r.getString("fbtrace_id"),
                error,
                skip == null ? null : SkipReason.fromSlug(skip),
                Sql.instant(r.getOffsetDateTime("next_attempt_at")),
                Sql.instant(r.getOffsetDateTime("lease_until")),
                r.getLong("version"));
        return new ConversionEvent(identity, details, delivery);
    }
}
