package io.adtarget.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a PostgreSQL server started from binaries shipped in a jar, keeping its
 * files in {@code DATA_DIR/postgres} so data survives restarts. Never benchmark on it (fsync is off).
 */
final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (blocking) on a free port, initialising the data directory on first use. */
    static EmbeddedDatabase start(Path dataDir) {
        try {
            Path dir = dataDir.toAbsolutePath().resolve("postgres");
            Files.createDirectories(dir.getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // Our own SIGTERM hook stops it after draining; zonky's hook would stop it in parallel
                    // with the drain and fail the requests still in flight.
                    .setRegisterShutdownHook(false)
                    // zonky's test-speed defaults turn both off; an acknowledged conversion must survive a
                    // machine crash in the embedded default too.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            LOG.info("embedded PostgreSQL on 127.0.0.1:{} with data in {}", postgres.getPort(), dir);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL could not start in " + dataDir, e);
        }
    }

    /** A {@code postgresql://} URL of the server's {@code postgres} database. */
    String url() {
        return "postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
