package io.adtarget.persistence.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/** A private embedded Redis for fault tests: own port, stoppable and restartable (data not kept). */
public final class OwnEmbeddedRedis implements AutoCloseable {
    private final int port;
    private RedisServer server;

    private OwnEmbeddedRedis(int port) {
        this.port = port;
    }

    public static OwnEmbeddedRedis start() {
        OwnEmbeddedRedis own = new OwnEmbeddedRedis(OwnEmbeddedPostgres.freePort());
        own.restart();
        return own;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
        }
    }

    public synchronized void restart() {
        if (server != null) {
            return;
        }
        try {
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
