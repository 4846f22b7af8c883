package io.adtarget.persistence.pg;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Postgres {@code LISTEN adtarget_changes} on a dedicated connection (V7's triggers notify it on
 * every committed change to api_keys, accounts, sites and channels). The caches of this package ask
 * it two things: whether they may cache at all (only while the listener is connected: when it is
 * down, a change could go unheard, so look-ups go to Postgres until it is back), and whether
 * anything changed while a load was running (the {@link #epoch}: bumped by every notification, every
 * loss and every reconnect — a load started in an older epoch is not cached).
 */
public final class PgChangeFeed {
    static final String CHANNEL = "adtarget_changes";
    private static final Logger LOG = LoggerFactory.getLogger(PgChangeFeed.class);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Duration reconnectDelay;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong epoch = new AtomicLong();
    private volatile PgConnection connection;
    private volatile boolean live;
    private volatile boolean closed;

    private PgChangeFeed(Vertx vertx, PgConnectOptions options, Duration reconnectDelay) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.options = Objects.requireNonNull(options, "options");
        this.reconnectDelay = Objects.requireNonNull(reconnectDelay, "reconnectDelay");
    }

    /** Starts listening; the future completes once the first LISTEN is in place (or failed: it keeps trying). */
    public static Future<PgChangeFeed> start(Vertx vertx, PgConnectOptions options, Duration reconnectDelay) {
        PgChangeFeed feed = new PgChangeFeed(vertx, options, reconnectDelay);
        Promise<PgChangeFeed> started = Promise.promise();
        feed.connect(started);
        return started.future();
    }

    /** Called with the changed table's name on every notification, and with {@code "*"} after a reconnect. */
    public void onChange(Consumer<String> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Whether the listener is connected now: caches may serve and store only while it is. */
    public boolean live() {
        return live && !closed;
    }

    /** Moves on every notification, loss and reconnect. */
    public long epoch() {
        return epoch.get();
    }

    /**
     * A change this instance committed itself: its caches drop what it touched now, without waiting for
     * Postgres's notification (which follows for every instance, this one included).
     */
    public void localChange(String table) {
        changed(Objects.requireNonNull(table, "table"));
    }

    public Future<Void> close() {
        closed = true;
        live = false;
        PgConnection open = connection;
        return open == null ? Future.succeededFuture() : open.close().otherwiseEmpty();
    }

    private void connect(Promise<PgChangeFeed> started) {
        if (closed) {
            started.tryComplete(this);
            return;
        }
        PgConnection.connect(vertx, options).compose(conn -> {
            connection = conn;
            conn.notificationHandler(notification -> changed(notification.getPayload()));
            conn.closeHandler(ignored -> lost(null));
            return conn.query("LISTEN " + CHANNEL).execute();
        }).onSuccess(listening -> {
            changed("*"); // whatever happened while nobody listened is forgotten
            live = true;
            started.tryComplete(this);
        }).onFailure(failure -> {
            lost(failure);
            started.tryComplete(this);
        });
    }

    private void lost(Throwable failure) {
        boolean wasLive = live;
        live = false;
        epoch.incrementAndGet();
        connection = null;
        if (closed) {
            return;
        }
        if (wasLive || failure != null) {
            LOG.warn("change listener down ({}): caches bypassed until it reconnects",
                    failure == null ? "connection closed" : failure.getClass().getSimpleName());
        }
        try {
            vertx.setTimer(Math.max(1, reconnectDelay.toMillis()), id -> connect(Promise.promise()));
        } catch (RuntimeException vertxClosing) {
            live = false;
        }
    }

    private void changed(String table) {
        epoch.incrementAndGet();
        for (Consumer<String> listener : listeners) {
            listener.accept(table);
        }
    }
}
