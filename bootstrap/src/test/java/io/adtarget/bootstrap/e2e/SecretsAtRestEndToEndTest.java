package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.Config;
import io.adtarget.bootstrap.ReencryptSecrets;
import io.adtarget.bootstrap.testing.Database;
import io.adtarget.persistence.local.AesGcmSecretBox;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** #16: a database dump alone reveals no Meta token; keys rotate with {@code reencrypt-secrets}. */
class SecretsAtRestEndToEndTest {

    @Test
    void after_creating_a_site_with_a_token_a_pg_dump_holds_neither_the_token_nor_its_base64() throws Exception {
        try (RunningService service = RunningService.start()) {
            Tenant tenant = service.provision("live", true, null, "-1001234567890");

            String dump = pgDump(service.databaseUrl());

            assertThat(dump).contains(tenant.siteId());
            assertThat(dump).doesNotContain(tenant.accessToken());
            assertThat(dump).doesNotContain(Base64.getEncoder().encodeToString(
                    tenant.accessToken().getBytes(StandardCharsets.UTF_8)));
            // and the service still sends with it
            assertThat(service.postConversion(tenant.apiKey(), null, tenant.purchase(1)).bodyAsJsonObject()
                    .getString("status")).isEqualTo("sent");
            assertThat(service.meta().requests().get(0).accessToken()).isEqualTo(tenant.accessToken());
        }
    }

    @Test
    void reencrypt_secrets_moves_every_token_to_the_new_key_and_the_old_key_can_then_be_dropped() {
        String newKey = AesGcmSecretBox.newKeyRingEntry("t2");
        try (RunningService service = RunningService.start()) {
            Tenant tenant = service.provision("live", true, null, "-1001234567890");
            Map<String, String> rotated = new HashMap<>(service.siblingEnvironment(Map.of()));
            rotated.put("SECRETS_KEY", newKey + "," + RunningService.SECRETS_KEY);

            assertThat(ReencryptSecrets.run(Config.fromEnvironment(rotated))).isEqualTo(1);

            assertThat(Database.query(service.databaseUrl(), "SELECT DISTINCT meta_access_token_key FROM sites"
                    + " WHERE meta_access_token IS NOT NULL")).extracting(row -> row.get("meta_access_token_key"))
                    .containsExactly("t2");
            try (RunningService restarted = RunningService.startOn(service.databaseUrl(),
                    Map.of("SECRETS_KEY", newKey))) {
                assertThat(restarted.postConversion(tenant.apiKey(), null, tenant.purchase(2)).bodyAsJsonObject()
                        .getString("status")).isEqualTo("sent");
                assertThat(restarted.meta().requests().get(0).accessToken()).isEqualTo(tenant.accessToken());
            }
        }
    }

    @Test
    void the_embedded_default_generates_its_key_into_data_dir_readable_by_the_owner_only(@TempDir Path dataDir)
            throws Exception {
        String ring = ReencryptSecrets.keyFile(dataDir);

        Path file = dataDir.resolve("secrets.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(AesGcmSecretBox.fromKeyRing(ring).currentKeyId()).isEqualTo("k1");
        assertThat(ReencryptSecrets.keyFile(dataDir)).isEqualTo(ring);
    }

    private static String pgDump(String databaseUrl) throws Exception {
        Process dump = new ProcessBuilder("pg_dump", "--no-owner", "--dbname=" + databaseUrl)
                .redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dump.getInputStream().transferTo(out);
        assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dump.exitValue()).as("pg_dump: %s", out).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
