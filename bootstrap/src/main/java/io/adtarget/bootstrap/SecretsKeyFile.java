package io.adtarget.bootstrap;

import io.adtarget.persistence.local.AesGcmSecretBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The key ring of the embedded default: {@code DATA_DIR/secrets.key}, generated (mode 600) on
 * first start, so tokens stored there are sealed without any setup. SECRETS_KEY, when set, wins.
 */
final class SecretsKeyFile {
    static final String FILE_NAME = "secrets.key";

    private SecretsKeyFile() {
    }

    /** The ring to use: SECRETS_KEY when configured, else the key file (created if missing). */
    static AesGcmSecretBox box(Config config) {
        return AesGcmSecretBox.fromKeyRing(config.secretsKey() != null
                ? config.secretsKey()
                : loadOrCreate(config.dataDir()));
    }

    static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, AesGcmSecretBox.newKeyRingEntry("k1") + "\n", StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException raced) {
                    // another start created it first: use theirs
                }
            }
            String ring = Files.readString(file, StandardCharsets.US_ASCII).trim();
            try {
                AesGcmSecretBox.fromKeyRing(ring);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("SECRETS_KEY", "key file " + file + " " + e.getMessage());
            }
            return ring;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }
}
