package io.adtarget.bootstrap;

import java.nio.file.Path;

/** Test access to the package-private secrets commands of the composition root. */
public final class ReencryptSecrets {
    private ReencryptSecrets() {
    }

    public static int run(Config config) {
        return ReencryptSecretsCommand.run(config);
    }

    public static String keyFile(Path dataDir) {
        return SecretsKeyFile.loadOrCreate(dataDir);
    }
}
