package io.adtarget.bootstrap.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.testing.ServiceProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up that cannot succeed ends the process at once, says why in one line, and leaves nothing running. */
class StartupFailureProcessTest {
    private static final String FAILED = "adtarget: start-up failed: ";

    @Test
    void a_port_in_use_exits_non_zero_in_one_line_and_stops_the_embedded_postgres_it_started(@TempDir Path dataDir)
            throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Map<String, String> env = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                    "DATA_DIR", dataDir.toString(), "HTTP_HOST", "127.0.0.1", "HTTP_PORT", Integer.toString(port));
            try (ServiceProcess service = ServiceProcess.start(env)) {
                int exit = service.waitFor(120_000);

                List<String> lines = service.lines();
                assertThat(exit).as(String.join("\n", lines)).isEqualTo(1);
                assertThat(lines).filteredOn(line -> line.startsWith(FAILED))
                        .containsExactly(FAILED + "HTTP_PORT " + port + " on 127.0.0.1 is already in use");
                assertThat(lines).as("no stack trace").noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
                assertThat(dataDir.resolve("postgres").resolve("postmaster.pid"))
                        .as("the embedded PostgreSQL was stopped, not orphaned").doesNotExist();
            }
        }
    }

    @Test
    void help_prints_the_usage_and_exits_zero() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(Map.of(), "--help")) {
            assertThat(service.waitFor(30_000)).isZero();
            assertThat(service.lines()).first().asString().startsWith("Usage: java -jar adtarget.jar");
            assertThat(service.lines()).anyMatch(line -> line.contains("DATABASE_URL"));
            assertThat(service.lines()).noneMatch(line -> line.contains("ready in"));
        }
    }

    @Test
    void version_prints_one_line_and_exits_zero() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(Map.of(), "--version")) {
            assertThat(service.waitFor(30_000)).isZero();
            assertThat(service.lines()).hasSize(1);
            assertThat(service.lines().get(0)).matches("adtarget \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        }
    }

    @Test
    void an_unknown_argument_exits_2_in_one_line() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(Map.of(), "--frobnicate")) {
            assertThat(service.waitFor(30_000)).isEqualTo(2);
            assertThat(service.lines()).containsExactly("adtarget: unknown argument --frobnicate (try --help)");
        }
    }
}
