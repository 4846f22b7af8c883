package io.adtarget.persistence.pg;

import io.adtarget.application.port.in.ChannelStats;
import io.adtarget.application.port.out.MembershipLog;
import io.adtarget.domain.attribution.MembershipEvent;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@link MembershipLog} on Postgres: {@code telegram_updates}, one row per (site, update_id), and the stats over
 * it, {@code visits} and {@code conversions}. Joins count distinct users, so a repeated join is one join.
 */
public final class PgMembershipLog implements MembershipLog {
    static final String PROCESSED = "SELECT 1 FROM telegram_updates WHERE site_id = $1 AND update_id = $2";
    static final String RECORD = "INSERT INTO telegram_updates (site_id, update_id, account_id, channel_id,"
            + " telegram_user_id, kind, visit_id, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
            + " ON CONFLICT (site_id, update_id) DO NOTHING";
    static final String VISITS = "SELECT count(*) AS n FROM visits WHERE account_id = $1 AND channel_id = $2"
            + " AND created_at >= $3 AND created_at < $4";
    static final String MEMBERSHIP = "SELECT"
            + " count(DISTINCT telegram_user_id) FILTER (WHERE kind = 'join-attributed') AS attributed,"
            + " count(DISTINCT telegram_user_id) FILTER (WHERE kind = 'join-organic') AS organic,"
            + " count(*) FILTER (WHERE kind = 'leave') AS leaves"
            + " FROM telegram_updates WHERE account_id = $1 AND channel_id = $2 AND received_at >= $3 AND received_at < $4";
    static final String CONVERSIONS = "SELECT event_type, status, count(*) AS n FROM conversions WHERE account_id = $1"
            + " AND channel_id = $2 AND created_at >= $3 AND created_at < $4 GROUP BY event_type, status";

    private final Pool pool;
    private final PgChangeFeed feed;

    public PgMembershipLog(Pool pool) {
        this(pool, null);
    }

    /** With {@code feed}: an attributed join recorded here drops this instance's {@link CachedAttributedJoins} at once. */
    public PgMembershipLog(Pool pool, PgChangeFeed feed) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.feed = feed;
    }

    @Override
    public Future<Boolean> processed(SiteId siteId, long updateId) {
        return PgErrors.guard(pool.preparedQuery(PROCESSED).execute(Tuple.of(siteId.value(), updateId))
                .map(rows -> rows.size() > 0));
    }

    @Override
    public Future<Boolean> record(MembershipEvent e) {
        return PgErrors.guard(pool.preparedQuery(RECORD)
                .execute(Tuple.of(e.siteId().value(), e.updateId(), e.accountId().value(), e.channelId().value(),
                        e.telegramUserId().value(), e.kind().slug(), e.visitId(), Sql.ts(e.receivedAt())))
                .map(rows -> rows.rowCount() == 1))
                .onSuccess(recorded -> {
                    if (recorded && feed != null && e.kind() == MembershipEvent.Kind.JOIN_ATTRIBUTED) {
                        feed.localChange(CachedAttributedJoins.TABLE);
                    }
                });
    }

    @Override
    public Future<ChannelStats> stats(AccountId accountId, ChannelId channelId, Instant from, Instant to) {
        Tuple range = Tuple.of(accountId.value(), channelId.value(), Sql.ts(from), Sql.ts(to));
        var visits = pool.preparedQuery(VISITS).execute(range);
        var membership = pool.preparedQuery(MEMBERSHIP).execute(range);
        var conversions = pool.preparedQuery(CONVERSIONS).execute(range);
        return PgErrors.guard(Future.all(visits, membership, conversions).map(done -> {
            Row m = membership.result().iterator().next();
            Map<String, Map<String, Long>> byType = new TreeMap<>();
            for (Row r : conversions.result()) {
                byType.computeIfAbsent(r.getString("event_type"), t -> new TreeMap<>())
                        .put(r.getString("status"), r.getLong("n"));
            }
            return new ChannelStats(channelId.value(), from, to, visits.result().iterator().next().getLong("n"),
                    m.getLong("attributed"), m.getLong("organic"), m.getLong("leaves"), byType);
        }));
    }
}
