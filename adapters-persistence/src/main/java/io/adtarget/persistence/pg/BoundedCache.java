package io.adtarget.persistence.pg;

import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A least-recently-used map that serves only while its {@link PgChangeFeed} is live and stores a
 * loaded value only if nothing changed while it was loading. Absent values are never cached (an
 * unknown API key must not fill memory, and a key created later must work at once).
 */
final class BoundedCache<K, V> {
    private final PgChangeFeed feed;
    private final Map<K, V> entries;

    BoundedCache(PgChangeFeed feed, int maxEntries) {
        this.feed = feed;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    Future<Optional<V>> get(K key, Supplier<Future<Optional<V>>> load) {
        if (!feed.live()) {
            return load.get();
        }
        V hit = cached(key);
        if (hit != null) {
            return Future.succeededFuture(Optional.of(hit));
        }
        long epoch = feed.epoch();
        return load.get().map(found -> {
            found.ifPresent(value -> storeIfUnchanged(key, value, epoch));
            return found;
        });
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }

    private synchronized V cached(K key) {
        return feed.live() ? entries.get(key) : null;
    }

    private synchronized void storeIfUnchanged(K key, V value, long epochBefore) {
        if (feed.live() && feed.epoch() == epochBefore) {
            entries.put(key, value);
        }
    }
}
