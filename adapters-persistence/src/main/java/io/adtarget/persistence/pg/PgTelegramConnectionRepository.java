package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.SecretBox;
import io.adtarget.application.port.out.TelegramConnectionRepository;
import io.adtarget.domain.attribution.InviteMode;
import io.adtarget.domain.attribution.TelegramConnection;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.telegram.BotToken;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link TelegramConnectionRepository} on Postgres. The bot token is sealed with the {@link SecretBox} before it
 * reaches the database (its context is the row, so a sealed token copied to another site does not open).
 */
public final class PgTelegramConnectionRepository implements TelegramConnectionRepository {
    static final String COLUMNS = "site_id, bot_token, bot_token_key, bot_username, webhook_secret_hash, invite_mode,"
            + " connected_at";
    static final String UPSERT = "INSERT INTO telegram_connections (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7)"
            + " ON CONFLICT (site_id) DO UPDATE SET bot_token = EXCLUDED.bot_token, bot_token_key = EXCLUDED.bot_token_key,"
            + " bot_username = EXCLUDED.bot_username, webhook_secret_hash = EXCLUDED.webhook_secret_hash,"
            + " invite_mode = EXCLUDED.invite_mode, connected_at = EXCLUDED.connected_at";
    static final String FIND = "SELECT " + COLUMNS + " FROM telegram_connections WHERE site_id = $1";
    static final String DELETE = "DELETE FROM telegram_connections WHERE site_id = $1";

    private final Pool pool;
    private final SecretBox box;

    public PgTelegramConnectionRepository(Pool pool, SecretBox box) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.box = Objects.requireNonNull(box, "box");
    }

    static String tokenContext(UUID siteId) {
        return "telegram_connections.bot_token:" + siteId;
    }

    @Override
    public Future<TelegramConnection> save(TelegramConnection c) {
        SecretBox.Sealed sealed = box.seal(c.botToken().value(), tokenContext(c.siteId().value()));
        return PgErrors.guard(pool.preparedQuery(UPSERT)
                .execute(Tuple.of(c.siteId().value(), sealed.ciphertext(), sealed.keyId(), c.botUsername(),
                        c.webhookSecretHash(), c.inviteMode().slug(), Sql.ts(c.connectedAt())))
                .map(done -> c));
    }

    @Override
    public Future<Optional<TelegramConnection>> find(SiteId siteId) {
        return PgErrors.guard(pool.preparedQuery(FIND).execute(Tuple.of(siteId.value()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(from(rows.iterator().next()))));
    }

    @Override
    public Future<Boolean> delete(SiteId siteId) {
        return PgErrors.guard(pool.preparedQuery(DELETE).execute(Tuple.of(siteId.value()))
                .map(rows -> rows.rowCount() == 1));
    }

    private TelegramConnection from(Row r) {
        UUID siteId = r.getUUID("site_id");
        String token = box.open(new SecretBox.Sealed(r.getString("bot_token_key"), r.getString("bot_token")),
                tokenContext(siteId));
        return new TelegramConnection(new SiteId(siteId), new BotToken(token), r.getString("bot_username"),
                r.getString("webhook_secret_hash"), InviteMode.fromSlug(r.getString("invite_mode")).orElseThrow(),
                Sql.instant(r.getOffsetDateTime("connected_at")));
    }
}
