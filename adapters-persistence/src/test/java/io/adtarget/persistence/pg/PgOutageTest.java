package io.adtarget.persistence.pg;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.ServiceUnavailableException;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.persistence.testing.Await;
import io.adtarget.persistence.testing.OwnEmbeddedPostgres;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A Postgres that stops answering gives ServiceUnavailableException quickly, never a hang. */
class PgOutageTest {
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        result(vertx.close());
    }

    @Test
    void a_stopped_server_fails_as_unavailable_and_a_restarted_one_answers_again() {
        try (OwnEmbeddedPostgres own = OwnEmbeddedPostgres.start()) {
            Migrations.migrate(own.url());
            Pool pool = PgPools.create(vertx, own.url(), 2);
            PgAccountRepository accounts = new PgAccountRepository(pool);
            assertThat(result(accounts.any())).isFalse();

            own.stop();
            long start = System.nanoTime();
            Throwable failure = Await.failure(accounts.findById(new AccountId(UUID.randomUUID())), 15);
            assertThat(failure).isInstanceOf(ServiceUnavailableException.class).hasMessage("postgres unavailable");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            own.restart();
            assertThat(result(accounts.any())).isFalse();
            result(pool.close());
        }
    }

    @Test
    void a_closed_port_fails_as_unavailable_within_the_connect_timeout() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Pool pool = PgPools.create(vertx, "postgresql://postgres:secret-pw@127.0.0.1:" + port + "/none", 2);
        Throwable failure = Await.failure(new PgIdempotencyStore(pool).purgeBatch(
                java.time.Instant.EPOCH, java.time.Instant.EPOCH, 10), 15);
        assertThat(failure).isInstanceOf(ServiceUnavailableException.class);
        assertThat(failure.getMessage()).doesNotContain("secret-pw");
        result(pool.close());
    }

    @Test
    void a_server_that_accepts_but_never_answers_fails_as_unavailable_after_the_connect_timeout() throws Exception {
        ServerSocket silent = new ServerSocket(0, 50);
        Pool pool = PgPools.create(vertx, "postgresql://postgres@127.0.0.1:" + silent.getLocalPort() + "/x",
                new PgPools.Settings(1, 4, Duration.ofMillis(500), Duration.ofMillis(800), Duration.ofSeconds(1),
                        Duration.ofSeconds(2)));
        long start = System.nanoTime();
        Throwable failure = Await.failure(new PgAccountRepository(pool).any(), 15);
        assertThat(failure).isInstanceOf(ServiceUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        // the stalled handshake holds the pool's close until its socket goes away
        silent.close();
        pool.close();
    }
}
