package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.SecretBox;
import io.adtarget.application.port.out.SiteRepository;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link SiteRepository} on Postgres; channel uniqueness per account is a table constraint. */
public final class PgSiteRepository implements SiteRepository {
    static final String INSERT = "INSERT INTO sites (id, account_id, name, meta_pixel_id, meta_access_token,"
            + " meta_access_token_key, test_event_code, enabled, created_at, updated_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    static final String FIND_BY_ID = SiteRows.SELECT + " WHERE s.id = $1";
    static final String UPDATE = "UPDATE sites SET name = $2, meta_pixel_id = $3, meta_access_token = $4,"
            + " meta_access_token_key = $5, test_event_code = $6, enabled = $7, updated_at = $8 WHERE id = $1";
    /** Attaches only to an existing site of that account; a taken (account, channel) is a no-op. */
    static final String ATTACH = "INSERT INTO channels (site_id, account_id, channel_id)"
            + " SELECT id, account_id, $3 FROM sites WHERE id = $1 AND account_id = $2"
            + " ON CONFLICT DO NOTHING";
    static final String DETACH = "DELETE FROM channels WHERE site_id = $1 AND channel_id = $2";

    private final Pool pool;
    private final SecretBox box;

    /** Access tokens are sealed with {@code box} before they reach the database, and opened when read. */
    public PgSiteRepository(Pool pool, SecretBox box) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.box = Objects.requireNonNull(box, "box");
    }

    /** Stores the site's own fields; channels are attached one by one with {@link #attachChannel}. */
    @Override
    public Future<Site> insert(Site site) {
        SecretBox.Sealed token = SiteRows.sealToken(box, site.id().value(), site.metaAccessToken());
        return PgErrors.guard(pool.preparedQuery(INSERT)
                .execute(Tuple.from(Arrays.asList(site.id().value(), site.accountId().value(), site.name(),
                        site.metaPixelId() == null ? null : site.metaPixelId().value(),
                        token == null ? null : token.ciphertext(), token == null ? null : token.keyId(),
                        site.testEventCode() == null ? null : site.testEventCode().value(),
                        site.enabled(), Sql.ts(site.createdAt()), Sql.ts(site.updatedAt()))))
                .map(done -> site.withChannels(List.of())));
    }

    @Override
    public Future<Optional<Site>> findById(SiteId id) {
        return PgErrors.guard(pool.preparedQuery(FIND_BY_ID).execute(Tuple.of(id.value()))
                .map(rows -> SiteRows.first(rows, box)));
    }

    @Override
    public Future<Optional<Site>> update(Site site) {
        SecretBox.Sealed token = SiteRows.sealToken(box, site.id().value(), site.metaAccessToken());
        Tuple params = Tuple.from(Arrays.asList(site.id().value(), site.name(),
                site.metaPixelId() == null ? null : site.metaPixelId().value(),
                token == null ? null : token.ciphertext(), token == null ? null : token.keyId(),
                site.testEventCode() == null ? null : site.testEventCode().value(),
                site.enabled(), Sql.ts(site.updatedAt())));
        return PgErrors.guard(pool.withTransaction(conn -> conn.preparedQuery(UPDATE).execute(params)
                .compose(updated -> updated.rowCount() == 0
                        ? Future.succeededFuture(Optional.<Site>empty())
                        : conn.preparedQuery(FIND_BY_ID).execute(Tuple.of(site.id().value()))
                                .map(rows -> SiteRows.first(rows, box)))));
    }

    @Override
    public Future<Boolean> attachChannel(SiteId siteId, AccountId accountId, ChannelId channelId) {
        return PgErrors.guard(pool.preparedQuery(ATTACH)
                .execute(Tuple.of(siteId.value(), accountId.value(), channelId.value()))
                .map(rows -> rows.rowCount() == 1));
    }

    @Override
    public Future<Boolean> detachChannel(SiteId siteId, ChannelId channelId) {
        return PgErrors.guard(pool.preparedQuery(DETACH).execute(Tuple.of(siteId.value(), channelId.value()))
                .map(rows -> rows.rowCount() == 1));
    }
}
