package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.SecretBox;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Brings the stored access tokens under the newest key: {@link #sealPlaintext()} seals rows from
 * before V4 (every start runs it), {@link #reencryptAll()} also re-seals rows of older keys (the
 * {@code reencrypt-secrets} command, run once every instance holds the new ring). Each runs in one
 * transaction with the rows locked, so concurrent runs and writes cannot lose a token.
 */
public final class PgSecretSealing {
    static final String PLAINTEXT_ROWS = "SELECT id, meta_access_token, meta_access_token_key FROM sites"
            + " WHERE meta_access_token IS NOT NULL AND meta_access_token_key IS NULL FOR UPDATE";
    static final String NOT_CURRENT_ROWS = "SELECT id, meta_access_token, meta_access_token_key FROM sites"
            + " WHERE meta_access_token IS NOT NULL AND meta_access_token_key IS DISTINCT FROM $1 FOR UPDATE";
    static final String STORE = "UPDATE sites SET meta_access_token = $2, meta_access_token_key = $3 WHERE id = $1";
    /** Telegram bot tokens (V6) are always sealed; re-encryption moves those of older keys. */
    static final String BOT_TOKENS_NOT_CURRENT = "SELECT site_id, bot_token, bot_token_key FROM telegram_connections"
            + " WHERE bot_token_key IS DISTINCT FROM $1 FOR UPDATE";
    static final String STORE_BOT_TOKEN = "UPDATE telegram_connections SET bot_token = $2, bot_token_key = $3"
            + " WHERE site_id = $1";

    private final Pool pool;
    private final SecretBox box;

    public PgSecretSealing(Pool pool, SecretBox box) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.box = Objects.requireNonNull(box, "box");
    }

    /** Seals every plaintext token; the number sealed. */
    public Future<Integer> sealPlaintext() {
        return reseal(PLAINTEXT_ROWS, Tuple.tuple());
    }

    /**
     * Seals every secret not sealed with the current key — Meta access tokens (plaintext ones too) and
     * Telegram bot tokens; the number re-sealed.
     */
    public Future<Integer> reencryptAll() {
        return reseal(NOT_CURRENT_ROWS, Tuple.of(box.currentKeyId()))
                .compose(metaTokens -> resealBotTokens().map(botTokens -> metaTokens + botTokens));
    }

    private Future<Integer> resealBotTokens() {
        return PgErrors.guard(pool.withTransaction(conn -> conn.preparedQuery(BOT_TOKENS_NOT_CURRENT)
                .execute(Tuple.of(box.currentKeyId())).compose(rows -> {
                    List<Tuple> updates = new ArrayList<>();
                    for (Row row : rows) {
                        UUID siteId = row.getUUID("site_id");
                        String context = PgTelegramConnectionRepository.tokenContext(siteId);
                        String plaintext = box.open(
                                new SecretBox.Sealed(row.getString("bot_token_key"), row.getString("bot_token")), context);
                        SecretBox.Sealed sealed = box.seal(plaintext, context);
                        updates.add(Tuple.of(siteId, sealed.ciphertext(), sealed.keyId()));
                    }
                    return updates.isEmpty()
                            ? Future.succeededFuture(0)
                            : conn.preparedQuery(STORE_BOT_TOKEN).executeBatch(updates).map(done -> updates.size());
                })));
    }

    private Future<Integer> reseal(String select, Tuple params) {
        return PgErrors.guard(pool.withTransaction(conn -> conn.preparedQuery(select).execute(params).compose(rows -> {
            List<Tuple> updates = new ArrayList<>();
            for (Row row : rows) {
                UUID id = row.getUUID("id");
                String stored = row.getString("meta_access_token");
                String keyId = row.getString("meta_access_token_key");
                String context = SiteRows.tokenContext(id);
                String plaintext = keyId == null ? stored : box.open(new SecretBox.Sealed(keyId, stored), context);
                SecretBox.Sealed sealed = box.seal(plaintext, context);
                updates.add(Tuple.of(id, sealed.ciphertext(), sealed.keyId()));
            }
            return updates.isEmpty()
                    ? Future.succeededFuture(0)
                    : conn.preparedQuery(STORE).executeBatch(updates).map(done -> updates.size());
        })));
    }
}
