package io.adtarget.bootstrap.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The container image Jib wrote ({@code -Pimage}), read as {@code docker load} would read it: its
 * manifest and config. No Docker engine runs here, so nothing is started from it. Skipped when
 * the tarball was not built (it is made at {@code package}, after the tests: .ci/run builds it
 * first, then runs this test).
 */
class ImageTarballTest {
    private static final Path TARBALL = Path.of("target", "jib-image.tar");
    private static JsonObject config;

    @BeforeAll
    static void read() throws IOException {
        if (!Files.isRegularFile(TARBALL)) {
            return;
        }
        Map<String, byte[]> entries = smallEntries(TARBALL);
        JsonArray manifest = new JsonArray(new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
        String configName = manifest.getJsonObject(0).getString("Config");
        config = new JsonObject(new String(entries.get(configName), StandardCharsets.UTF_8));
    }

    @BeforeEach
    void needsTheTarball() {
        assumeTrue(config != null, "no " + TARBALL.toAbsolutePath()
                + ": build it with mvn -B -ntp -pl bootstrap -am package -Pimage -DskipTests (README, Container image)");
    }

    @Test
    void runs_main_with_container_aware_jvm_flags_as_a_non_root_user() {
        JsonObject container = config.getJsonObject("config");
        String entrypoint = String.join(" ", container.getJsonArray("Entrypoint").stream().map(Object::toString).toList());

        assertThat(entrypoint).startsWith("java ").contains("-XX:MaxRAMPercentage=75")
                .contains("-XX:+ExitOnOutOfMemoryError").endsWith("io.adtarget.bootstrap.Main");
        assertThat(container.getString("User")).isEqualTo("10001:10001");
        assertThat(container.getString("User")).doesNotStartWith("0").doesNotStartWith("root");
    }

    @Test
    void exposes_8080_listens_on_every_interface_and_keeps_embedded_data_in_a_volume() {
        JsonObject container = config.getJsonObject("config");

        assertThat(container.getJsonObject("ExposedPorts").fieldNames()).containsExactly("8080/tcp");
        assertThat(container.getJsonArray("Env").stream().map(Object::toString).toList()).contains("HTTP_HOST=0.0.0.0", "HTTP_PORT=8080",
                "DATA_DIR=/var/lib/adtarget");
        assertThat(container.getJsonObject("Volumes").fieldNames()).containsExactly("/var/lib/adtarget");
    }

    @Test
    void carries_oci_labels_and_the_health_check_command() {
        JsonObject labels = config.getJsonObject("config").getJsonObject("Labels");

        assertThat(labels.getString("org.opencontainers.image.title")).isEqualTo("AdTarget Conversions");
        assertThat(labels.getString("org.opencontainers.image.version")).isNotBlank();
        assertThat(labels.getString("org.opencontainers.image.base.name")).isNotBlank();
        assertThat(labels.getString("io.adtarget.healthcheck")).endsWith("io.adtarget.bootstrap.HealthCheck");
    }

    /** The entries of a tar file up to 1 MiB each (manifest and config; layers are skipped). */
    private static Map<String, byte[]> smallEntries(Path tar) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replaceAll("\0.*", "");
                String octal = new String(header, 124, 12, StandardCharsets.US_ASCII).replaceAll("[\0 ]", "");
                long size = Long.parseLong(octal, 8);
                long padded = (size + 511) / 512 * 512;
                if (size <= 1 << 20) {
                    byte[] content = in.readNBytes((int) padded);
                    byte[] exact = new byte[(int) size];
                    System.arraycopy(content, 0, exact, 0, (int) size);
                    entries.put(name, exact);
                } else {
                    in.skipNBytes(padded);
                }
            }
        }
        return entries;
    }
}
