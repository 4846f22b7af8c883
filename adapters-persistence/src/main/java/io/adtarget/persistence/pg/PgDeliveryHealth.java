package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.DeliveryHealthStats;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.SiteDeliveryHealth;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.userdata.MatchCoverage;
import io.adtarget.domain.userdata.MatchSignal;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * {@link DeliveryHealthStats} in four read-only queries on the account's indexes (listing, due
 * retries, attempts by account and time), run side by side and folded per site in memory.
 */
public final class PgDeliveryHealth implements DeliveryHealthStats {
    static final String SITES = "SELECT id, name FROM sites WHERE account_id = $1 ORDER BY created_at, id";
    /** Per site, UTC hour and status: conversions recorded in the window and how many carry each match signal. */
    static final String CONVERSIONS = "SELECT site_id, date_trunc('hour', created_at AT TIME ZONE 'UTC') AS hour,"
            + " status, count(*) AS n,"
            + " count(*) FILTER (WHERE user_data ? 'fbc') AS fbc,"
            + " count(*) FILTER (WHERE user_data ? 'fbp') AS fbp,"
            + " count(*) FILTER (WHERE user_data ? 'client_ip_address' AND user_data ? 'client_user_agent') AS ip_ua,"
            + " count(*) FILTER (WHERE user_data ?| array['em', 'ph']) AS em_ph"
            + " FROM conversions WHERE account_id = $1 AND created_at >= $2 AND created_at < $3"
            + " GROUP BY site_id, hour, status";
    static final String RETRY_QUEUE = "SELECT site_id, count(*) AS n FROM conversions"
            + " WHERE account_id = $1 AND status = 'failed' AND last_error_retryable AND next_attempt_at IS NOT NULL"
            + " GROUP BY site_id";
    static final String ERRORS = "SELECT site_id, outcome, meta_code, count(*) AS n FROM delivery_attempts"
            + " WHERE account_id = $1 AND attempted_at >= $2 AND attempted_at < $3 AND outcome <> 'sent'"
            + " GROUP BY site_id, outcome, meta_code ORDER BY n DESC, outcome, meta_code";

    private final Pool pool;

    public PgDeliveryHealth(Pool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public Future<List<SiteDeliveryHealth>> ofAccount(AccountId accountId, Instant from, Instant until) {
        UUID account = accountId.value();
        Tuple window = Tuple.of(account, Sql.ts(from), Sql.ts(until));
        Future<RowSet<Row>> sites = pool.preparedQuery(SITES).execute(Tuple.of(account));
        Future<RowSet<Row>> conversions = pool.preparedQuery(CONVERSIONS).execute(window);
        Future<RowSet<Row>> queue = pool.preparedQuery(RETRY_QUEUE).execute(Tuple.of(account));
        Future<RowSet<Row>> errors = pool.preparedQuery(ERRORS).execute(window);
        return PgErrors.guard(Future.all(sites, conversions, queue, errors)
                .map(done -> fold(sites.result(), conversions.result(), queue.result(), errors.result(), from, until)));
    }

    private static List<SiteDeliveryHealth> fold(RowSet<Row> siteRows, RowSet<Row> conversionRows,
            RowSet<Row> queueRows, RowSet<Row> errorRows, Instant from, Instant until) {
        Map<UUID, Folding> bySite = new LinkedHashMap<>();
        for (Row row : siteRows) {
            bySite.put(row.getUUID("id"), new Folding(row.getString("name"), from, until));
        }
        for (Row row : conversionRows) {
            Folding site = bySite.get(row.getUUID("site_id"));
            if (site != null) {
                site.add(row);
            }
        }
        for (Row row : queueRows) {
            Folding site = bySite.get(row.getUUID("site_id"));
            if (site != null) {
                site.retryQueue = row.getLong("n").intValue();
            }
        }
        for (Row row : errorRows) {
            Folding site = bySite.get(row.getUUID("site_id"));
            if (site != null) {
                site.errors.add(new SiteDeliveryHealth.ErrorCount(row.getString("outcome"), row.getInteger("meta_code"),
                        row.getLong("n").intValue()));
            }
        }
        List<SiteDeliveryHealth> out = new ArrayList<>();
        bySite.forEach((id, site) -> out.add(site.result(new SiteId(id))));
        return out;
    }

    /** One site's counts while the rows are read. */
    private static final class Folding {
        final String name;
        final Map<ConversionStatus, Integer> byStatus = new EnumMap<>(ConversionStatus.class);
        final Map<MatchSignal, Integer> signals = new EnumMap<>(MatchSignal.class);
        final Map<Instant, int[]> hours = new LinkedHashMap<>();
        final List<SiteDeliveryHealth.ErrorCount> errors = new ArrayList<>();
        int conversions;
        int retryQueue;

        Folding(String name, Instant from, Instant until) {
            this.name = name;
            for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(until); hour = hour.plus(1,
                    ChronoUnit.HOURS)) {
                hours.put(hour, new int[ConversionStatus.values().length]);
            }
        }

        void add(Row row) {
            ConversionStatus status = ConversionStatus.fromSlug(row.getString("status"));
            int n = row.getLong("n").intValue();
            conversions += n;
            byStatus.merge(status, n, Integer::sum);
            signals.merge(MatchSignal.FBC, row.getLong("fbc").intValue(), Integer::sum);
            signals.merge(MatchSignal.FBP, row.getLong("fbp").intValue(), Integer::sum);
            signals.merge(MatchSignal.IP_AND_USER_AGENT, row.getLong("ip_ua").intValue(), Integer::sum);
            signals.merge(MatchSignal.EMAIL_OR_PHONE, row.getLong("em_ph").intValue(), Integer::sum);
            Instant hour = row.getLocalDateTime("hour").toInstant(ZoneOffset.UTC);
            hours.computeIfAbsent(hour, h -> new int[ConversionStatus.values().length])[status.ordinal()] += n;
        }

        SiteDeliveryHealth result(SiteId id) {
            List<SiteDeliveryHealth.Hour> hourly = new ArrayList<>();
            hours.forEach((start, counts) -> hourly.add(new SiteDeliveryHealth.Hour(start,
                    counts[ConversionStatus.SENT.ordinal()], counts[ConversionStatus.FAILED.ordinal()],
                    counts[ConversionStatus.SKIPPED.ordinal()], counts[ConversionStatus.PENDING.ordinal()])));
            return new SiteDeliveryHealth(id, name, new HashMap<>(byStatus), retryQueue, errors,
                    new MatchCoverage(conversions, signals), hourly);
        }
    }
}
