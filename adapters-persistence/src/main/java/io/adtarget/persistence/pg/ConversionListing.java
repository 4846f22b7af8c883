package io.adtarget.persistence.pg;

import static io.adtarget.persistence.pg.ConversionRows.COLUMNS;

import io.adtarget.application.port.in.ConversionCursor;
import io.adtarget.application.port.in.ConversionPage;
import io.adtarget.application.port.in.ConversionQuery;
import io.adtarget.domain.conversion.ConversionEvent;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** The account listing: keyset pagination on (created_at desc, id desc), optional filters (a created_at range too). */
final class ConversionListing {
    private static final String FILTERS = " WHERE account_id = $1"
            + " AND ($2::text IS NULL OR status = $2)"
            + " AND ($3::text IS NULL OR event_type = $3)"
            + " AND ($4::bigint IS NULL OR telegram_user_id = $4)"
            + " AND ($5::text IS NULL OR channel_id = $5)"
            + " AND ($7::timestamptz IS NULL OR created_at >= $7)"
            + " AND ($8::timestamptz IS NULL OR created_at < $8)";
    static final String FIRST_PAGE = "SELECT " + COLUMNS + " FROM conversions" + FILTERS
            + " ORDER BY created_at DESC, id DESC LIMIT $6";
    static final String NEXT_PAGE = "SELECT " + COLUMNS + " FROM conversions" + FILTERS
            + " AND (created_at, id) < ($9, $10) ORDER BY created_at DESC, id DESC LIMIT $6";

    private ConversionListing() {
    }

    static Future<ConversionPage> page(Pool pool, ConversionQuery q) {
        Tuple params = Tuple.of(q.accountId().value(),
                q.status() == null ? null : q.status().slug(),
                q.eventType() == null ? null : q.eventType().value(),
                q.telegramUserId() == null ? null : q.telegramUserId().value(),
                q.channelId() == null ? null : q.channelId().value(),
                q.limit() + 1);
        params.addValue(Sql.ts(q.receivedFrom())).addValue(Sql.ts(q.receivedBefore()));
        String sql = FIRST_PAGE;
        if (q.after() != null) {
            params.addValue(Sql.ts(q.after().createdAt())).addUUID(q.after().id().value());
            sql = NEXT_PAGE;
        }
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<ConversionEvent> items = new ArrayList<>(rows.size());
            for (Row row : rows) {
                items.add(ConversionRows.from(row));
            }
            if (items.size() <= q.limit()) {
                return new ConversionPage(items, null);
            }
            List<ConversionEvent> page = items.subList(0, q.limit());
            ConversionEvent last = page.get(page.size() - 1);
            return new ConversionPage(page, new ConversionCursor(last.createdAt(), last.id()));
        });
    }
}
