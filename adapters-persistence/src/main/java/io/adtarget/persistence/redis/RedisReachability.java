package io.adtarget.persistence.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether Redis answers, known without a round trip on a request's path: one connection of its own, held open,
 * is lost the moment Redis closes it (a stopped or restarted server) and is probed with {@code PING} every second
 * (a silent network); while it is down it reconnects every {@value #RETRY_MS} ms. The caller's own commands
 * count too: one that could not reach Redis says unreachable, one that Redis answered says reachable. Unknown
 * (before the first connection) reads as unreachable. The watch holds one connection of the client's pool.
 */
public final class RedisReachability {
    static final long RETRY_MS = 250;
    static final long PROBE_MS = 1_000;

    private final Vertx vertx;
    private final Redis client;
    private final AtomicReference<RedisConnection> connection = new AtomicReference<>();
    private volatile boolean reachable;

    private RedisReachability(Vertx vertx, Redis client) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Starts watching {@code client}'s server; the watch ends with {@code vertx} (its timers) and the client. */
    public static RedisReachability watch(Vertx vertx, Redis client) {
        RedisReachability watcher = new RedisReachability(vertx, client);
        watcher.connect();
        vertx.setPeriodic(PROBE_MS, id -> watcher.probe());
        return watcher;
    }

    public boolean reachable() {
        return reachable;
    }

    /** A command on a request's path could not reach Redis: unreachable until a probe or a command is answered. */
    void failed() {
        reachable = false;
    }

    /** A command on a request's path got Redis's answer. */
    void answered() {
        reachable = true;
    }

    private void connect() {
        // A closed client (shutdown) fails the future; the retries end with vertx's timers.
        client.connect().onComplete(connected -> {
            if (connected.failed()) {
                reachable = false;
                vertx.setTimer(RETRY_MS, id -> connect());
                return;
            }
            RedisConnection c = connected.result();
            connection.set(c);
            c.exceptionHandler(e -> lost(c));
            c.endHandler(ended -> lost(c));
            reachable = true;
        });
    }

    private void lost(RedisConnection c) {
        if (!connection.compareAndSet(c, null)) {
            return;
        }
        reachable = false;
        c.close();
        vertx.setTimer(RETRY_MS, id -> connect());
    }

    private void probe() {
        RedisConnection c = connection.get();
        if (c == null) {
            return;
        }
        c.send(Request.cmd(Command.PING)).timeout(PROBE_MS, TimeUnit.MILLISECONDS).onComplete(pong -> {
            if (connection.get() != c) {
                return; // an answer on a connection already given up
            }
            // A silent socket is not handed back to the client's pool (a pooled connection's close() would
            // recycle it): it stays the watch's and is probed again; a command that Redis answers meanwhile
            // says reachable, and a socket that really dies ends through its handlers.
            reachable = pong.succeeded();
        });
    }
}
