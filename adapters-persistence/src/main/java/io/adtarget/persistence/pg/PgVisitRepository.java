package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.VisitRepository;
import io.adtarget.domain.attribution.Visit;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.userdata.ClientIpAddress;
import io.adtarget.domain.userdata.ClientUserAgent;
import io.adtarget.domain.userdata.FacebookBrowserId;
import io.adtarget.domain.userdata.FacebookClickId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** {@link VisitRepository} on Postgres; a visit is found by its site and id or by its invite link. */
public final class PgVisitRepository implements VisitRepository {
    static final String COLUMNS = "id, account_id, site_id, channel_id, fbc, fbp, client_ip, user_agent, landing_url,"
            + " referrer, utm, invite_link, created_at, expires_at";
    static final String INSERT = "INSERT INTO visits (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
            + " $10, $11, $12, $13, $14)";
    static final String FIND = "SELECT " + COLUMNS + " FROM visits WHERE site_id = $1 AND id = $2";
    static final String UPDATE_FBP = "UPDATE visits SET fbp = $3 WHERE site_id = $1 AND id = $2 RETURNING " + COLUMNS;
    static final String FIND_BY_LINK = "SELECT " + COLUMNS + " FROM visits WHERE site_id = $1 AND invite_link = $2";
    static final String LATEST_ATTRIBUTED = "SELECT v." + COLUMNS.replace(", ", ", v.") + " FROM telegram_updates u"
            + " JOIN visits v ON v.id = u.visit_id WHERE u.account_id = $1 AND u.telegram_user_id = $2"
            + " AND u.kind = 'join-attributed' AND u.received_at >= $3 ORDER BY u.received_at DESC LIMIT 1";
    static final String HAS_ATTRIBUTED = "SELECT EXISTS (SELECT 1 FROM telegram_updates WHERE account_id = $1"
            + " AND kind = 'join-attributed')";
    static final String PURGE = "DELETE FROM visits WHERE id IN (SELECT id FROM visits WHERE created_at < $1"
            + " LIMIT $2)";

    private final Pool pool;

    public PgVisitRepository(Pool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public Future<Visit> insert(Visit v) {
        Tuple t = Tuple.of(v.id(), v.accountId().value(), v.siteId().value(), v.channelId().value(),
                v.fbc() == null ? null : v.fbc().value(), v.fbp() == null ? null : v.fbp().value(),
                v.clientIp() == null ? null : v.clientIp().value(),
                v.userAgent() == null ? null : v.userAgent().value(), v.landingUrl(), v.referrer());
        t.addValue(new JsonObject(new LinkedHashMap<>(v.utm()))).addString(v.inviteLink())
                .addValue(Sql.ts(v.createdAt())).addValue(Sql.ts(v.expiresAt()));
        return PgErrors.guard(pool.preparedQuery(INSERT).execute(t).map(done -> v));
    }

    @Override
    public Future<Optional<Visit>> find(SiteId siteId, UUID visitId) {
        return one(FIND, Tuple.of(siteId.value(), visitId));
    }

    @Override
    public Future<Optional<Visit>> update(Visit visit) {
        return one(UPDATE_FBP, Tuple.of(visit.siteId().value(), visit.id(),
                visit.fbp() == null ? null : visit.fbp().value()));
    }

    @Override
    public Future<Optional<Visit>> findByInviteLink(SiteId siteId, String inviteLink) {
        return one(FIND_BY_LINK, Tuple.of(siteId.value(), inviteLink));
    }

    @Override
    public Future<Optional<Visit>> latestAttributed(AccountId accountId, TelegramUserId user, Instant since) {
        return one(LATEST_ATTRIBUTED, Tuple.of(accountId.value(), user.value(), Sql.ts(since)));
    }

    /** Whether the account has any attributed join at all (the index of {@link #LATEST_ATTRIBUTED} answers it). */
    public Future<Boolean> hasAttributedJoins(AccountId accountId) {
        return PgErrors.guard(pool.preparedQuery(HAS_ATTRIBUTED).execute(Tuple.of(accountId.value()))
                .map(rows -> rows.iterator().next().getBoolean(0)));
    }

    @Override
    public Future<Integer> purgeBatch(Instant cutoff, int limit) {
        return PgErrors.guard(pool.preparedQuery(PURGE).execute(Tuple.of(Sql.ts(cutoff), limit))
                .map(RowSet::rowCount));
    }

    private Future<Optional<Visit>> one(String sql, Tuple params) {
        return PgErrors.guard(pool.preparedQuery(sql).execute(params)
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(from(rows.iterator().next()))));
    }

    private static Visit from(Row r) {
        String fbc = r.getString("fbc");
        String fbp = r.getString("fbp");
        String ip = r.getString("client_ip");
        String ua = r.getString("user_agent");
        Map<String, String> utm = new LinkedHashMap<>();
        JsonObject stored = r.getJsonObject("utm");
        if (stored != null) {
            stored.forEach(e -> utm.put(e.getKey(), String.valueOf(e.getValue())));
        }
        return new Visit(r.getUUID("id"), new AccountId(r.getUUID("account_id")), new SiteId(r.getUUID("site_id")),
                new ChannelId(r.getString("channel_id")), fbc == null ? null : new FacebookClickId(fbc),
                fbp == null ? null : new FacebookBrowserId(fbp), ip == null ? null : new ClientIpAddress(ip),
                ua == null ? null : new ClientUserAgent(ua), r.getString("landing_url"), r.getString("referrer"), utm,
                r.getString("invite_link"), Sql.instant(r.getOffsetDateTime("created_at")),
                Sql.instant(r.getOffsetDateTime("expires_at")));
    }
}
