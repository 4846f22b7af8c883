package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.PixelThrottles;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.MetaPixelId;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a pixel is paused, from memory: the look-up before every send costs no Postgres round trip.
 * What is held is the pause stored when it was read (or that there was none). Every committed change to
 * {@code pixel_throttle} notifies ({@link PgChangeFeed}, V8_1), and a pause written here drops the entry
 * at once, so the held answer is the stored one; a held pause simply ends when its time passes. Bypassed
 * while the feed is down. The retry worker's list of paused sites always reads Postgres.
 */
public final class CachedPixelThrottles implements PixelThrottles {
    static final String TABLE = "pixel_throttle";

    /** The pause stored for a pixel when it was read: {@code until} is null when there was none (or it had ended). */
    private record Stored(Instant until) {
    }

    private final PixelThrottles store;
    private final PgChangeFeed feed;
    private final BoundedCache<MetaPixelId, Stored> pauses;

    public CachedPixelThrottles(PixelThrottles store, PgChangeFeed feed, int maxEntries) {
        this.store = Objects.requireNonNull(store, "store");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.pauses = new BoundedCache<>(feed, maxEntries);
        feed.onChange(table -> {
            if (table.equals("*") || table.equals(TABLE)) {
                pauses.clear();
            }
        });
    }

    @Override
    public Future<Void> pause(MetaPixelId pixel, Instant until) {
        return store.pause(pixel, until).onComplete(written -> feed.localChange(TABLE));
    }

    @Override
    public Future<Optional<Instant>> pausedUntil(MetaPixelId pixel, Instant now) {
        return pauses.get(pixel, () -> store.pausedUntil(pixel, now)
                        .map(paused -> Optional.of(new Stored(paused.orElse(null)))))
                .map(stored -> stored.map(Stored::until).filter(until -> until.isAfter(now)));
    }

    @Override
    public Future<Map<SiteId, Instant>> pausedSites(Instant now) {
        return store.pausedSites(now);
    }
}
