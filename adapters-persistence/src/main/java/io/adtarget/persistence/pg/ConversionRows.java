package io.adtarget.persistence.pg;

import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.ClientEventId;
import io.adtarget.domain.conversion.ConversionDetails;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
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
import java.util.Currency;

/** Maps the {@code conversions} table to {@link ConversionEvent} and back. */
final class ConversionRows {
    static final String COLUMNS = "id, account_id, site_id, key_mode, telegram_user_id, channel_id, event_type,"
            + " client_event_id, value_amount, value_currency, event_time, event_source_url, custom_data,"
            + " user_data, action_source, data_processing_options, status,"
            + " attempts, created_at, updated_at, sent_at, fbtrace_id, last_error_code, last_error_message,"
            + " last_error_retryable, last_error_meta_code, last_error_fbtrace_id, skip_reason, next_attempt_at,"
            + " lease_until, version";

    /** Number of columns in {@link #COLUMNS}. */
    static final int COLUMN_COUNT = 31;

    /** The mutable columns, $2…$22, as the UPDATE statements set them; $23 is left for the caller. */
    static final String MUTABLE_ASSIGNMENTS = "value_amount = $2, value_currency = $3, event_time = $4,"
            + " event_source_url = $5, custom_data = $6, user_data = $7, action_source = $8,"
            + " data_processing_options = $9, status = $10, attempts = $11, updated_at = $12, sent_at = $13,"
            + " fbtrace_id = $14, last_error_code = $15, last_error_message = $16, last_error_retryable = $17,"
            + " last_error_meta_code = $18, last_error_fbtrace_id = $19, skip_reason = $20, next_attempt_at = $21,"
            + " lease_until = $22, version = version + 1";

    /** The parameter of the expected version in an UPDATE built on {@link #MUTABLE_ASSIGNMENTS}. */
    static final String VERSION_PARAMETER = "$23";

    private ConversionRows() {
    }

    /** All 31 columns in {@link #COLUMNS} order, stored with {@code version}. */
    static Tuple insertParams(ConversionEvent c, long version) {
        Tuple t = Tuple.of(c.id().value(), c.accountId().value(), c.siteId().value(), c.keyMode().slug(),
                c.telegramUserId().value(), c.channelId().value(), c.eventType().value(),
                c.clientEventId() == null ? null : c.clientEventId().value());
        addMutable(t, c);
        return t.addLong(version);
    }

    /** $1 = id, $2…$22 the mutable columns; the caller appends its own conditions after them. */
    static Tuple updateParams(ConversionEvent c) {
        Tuple t = Tuple.of(c.id().value());
        addDetails(t, c);
        addState(t, c);
        return t;
    }

    private static void addMutable(Tuple t, ConversionEvent c) {
        addDetails(t, c);
        addStateWithCreated(t, c);
    }

    private static void addDetails(Tuple t, ConversionEvent c) {
        ConversionDetails d = c.details();
        t.addValue(d.value() == null ? null : d.value().amount())
                .addValue(d.value() == null ? null : d.value().currency().getCurrencyCode())
                .addValue(Sql.ts(d.eventTime()))
                .addValue(d.eventSourceUrl())
                .addValue(Sql.json(d.customData()))
                .addValue(MatchDataColumns.userData(d.matchData().userData()))
                .addValue(MatchDataColumns.actionSource(d.matchData()))
                .addValue(MatchDataColumns.processingOptions(d.matchData().dataProcessingOptions()));
    }

    private static void addStateWithCreated(Tuple t, ConversionEvent c) {
        t.addValue(c.status().slug()).addInteger(c.attempts()).addValue(Sql.ts(c.createdAt()));
        addStateAfterAttempts(t, c);
    }

    private static void addState(Tuple t, ConversionEvent c) {
        t.addValue(c.status().slug()).addInteger(c.attempts());
        addStateAfterAttempts(t, c);
    }

    private static void addStateAfterAttempts(Tuple t, ConversionEvent c) {
        DeliveryError e = c.lastError();
        t.addValue(Sql.ts(c.updatedAt())).addValue(Sql.ts(c.sentAt())).addValue(c.fbtraceId())
                .addValue(e == null ? null : e.code().slug())
                .addValue(e == null ? null : e.message())
                .addValue(e == null ? null : e.retryable())
                .addValue(e == null ? null : e.metaCode())
                .addValue(e == null ? null : e.fbtraceId())
                .addValue(c.skipReason() == null ? null : c.skipReason().slug())
                .addValue(Sql.ts(c.nextAttemptAt()))
                .addValue(Sql.ts(c.leaseUntil()));
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
        return new ConversionEvent(
                new ConversionId(r.getUUID("id")),
                new AccountId(r.getUUID("account_id")),
                new SiteId(r.getUUID("site_id")),
                KeyMode.fromSlug(r.getString("key_mode")),
                new TelegramUserId(r.getLong("telegram_user_id")),
                new ChannelId(r.getString("channel_id")),
                new EventType(r.getString("event_type")),
                clientEventId == null ? null : new ClientEventId(clientEventId),
                details,
                ConversionStatus.fromSlug(r.getString("status")),
                r.getInteger("attempts"),
                Sql.instant(r.getOffsetDateTime("created_at")),
                Sql.instant(r.getOffsetDateTime("updated_at")),
                Sql.instant(r.getOffsetDateTime("sent_at")),
                r.getString("fbtrace_id"),
                error,
                skip == null ? null : SkipReason.fromSlug(skip),
                Sql.instant(r.getOffsetDateTime("next_attempt_at")),
                Sql.instant(r.getOffsetDateTime("lease_until")),
                r.getLong("version"));
    }
}
