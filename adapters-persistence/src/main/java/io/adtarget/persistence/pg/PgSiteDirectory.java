package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.SecretBox;
import io.adtarget.application.port.out.SiteDirectory;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Objects;
import java.util.Optional;

/** {@link SiteDirectory} on Postgres: one indexed look-up by the unique (account_id, channel_id). */
public final class PgSiteDirectory implements SiteDirectory {
    static final String RESOLVE = SiteRows.SELECT
            + " JOIN channels ch ON ch.site_id = s.id WHERE ch.account_id = $1 AND ch.channel_id = $2";

    private final Pool pool;
    private final SecretBox box;

    public PgSiteDirectory(Pool pool, SecretBox box) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.box = Objects.requireNonNull(box, "box");
    }

    @Override
    public Future<Optional<Site>> resolve(AccountId accountId, ChannelId channelId) {
        return PgErrors.guard(pool.preparedQuery(RESOLVE).execute(Tuple.of(accountId.value(), channelId.value()))
                .map(rows -> SiteRows.first(rows, box)));
    }
}
