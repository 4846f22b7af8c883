package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.PixelThrottles;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.MetaPixelId;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link PixelThrottles} on Postgres: one {@code pixel_throttle} row per pixel, seen by every instance. */
public final class PgPixelThrottles implements PixelThrottles {
    /** A later pause already stored is kept (two throttled answers race: the longer one wins). */
    static final String PAUSE = "INSERT INTO pixel_throttle (meta_pixel_id, paused_until) VALUES ($1, $2)"
            + " ON CONFLICT (meta_pixel_id) DO UPDATE SET paused_until = GREATEST(pixel_throttle.paused_until,"
            + " EXCLUDED.paused_until)";
    static final String PAUSED_UNTIL = "SELECT paused_until FROM pixel_throttle WHERE meta_pixel_id = $1"
            + " AND paused_until > $2";
    static final String PAUSED_SITES = "SELECT s.id, t.paused_until FROM pixel_throttle t"
            + " JOIN sites s ON s.meta_pixel_id = t.meta_pixel_id WHERE t.paused_until > $1";

    private final Pool pool;

    public PgPixelThrottles(Pool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public Future<Void> pause(MetaPixelId pixel, Instant until) {
        return PgErrors.guard(pool.preparedQuery(PAUSE).execute(Tuple.of(pixel.value(), Sql.ts(until))).mapEmpty());
    }

    @Override
    public Future<Optional<Instant>> pausedUntil(MetaPixelId pixel, Instant now) {
        return PgErrors.guard(pool.preparedQuery(PAUSED_UNTIL).execute(Tuple.of(pixel.value(), Sql.ts(now)))
                .map(rows -> rows.size() == 0
                        ? Optional.<Instant>empty()
                        : Optional.of(Sql.instant(rows.iterator().next().getOffsetDateTime("paused_until")))));
    }

    @Override
    public Future<Map<SiteId, Instant>> pausedSites(Instant now) {
        return PgErrors.guard(pool.preparedQuery(PAUSED_SITES).execute(Tuple.of(Sql.ts(now))).map(rows -> {
            Map<SiteId, Instant> paused = new HashMap<>();
            for (Row row : rows) {
                paused.put(new SiteId(row.getUUID("id")), Sql.instant(row.getOffsetDateTime("paused_until")));
            }
            return paused;
        }));
    }
}
