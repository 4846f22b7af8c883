package io.adtarget.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A private embedded Postgres for fault tests: own port and data directory, stoppable and restartable. */
public final class OwnEmbeddedPostgres implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private OwnEmbeddedPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static OwnEmbeddedPostgres start() {
        try {
            OwnEmbeddedPostgres own = new OwnEmbeddedPostgres(Files.createTempDirectory("adtarget-pg-"), freePort());
            own.restart();
            return own;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** URL of the {@code postgres} database; stays the same across stop and restart. */
    public String url() {
        return "postgresql://postgres@localhost:" + port + "/postgres";
    }

    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
        }
    }

    /** Starts it again on the same port and data directory (data kept). */
    public synchronized void restart() {
        if (server != null) {
            return;
        }
        try {
            server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir)
                    .setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
