package io.adtarget.bootstrap;

import io.adtarget.persistence.local.AesGcmSecretBox;
import io.adtarget.persistence.pg.Migrations;
import io.adtarget.persistence.pg.PgPools;
import io.adtarget.persistence.pg.PgSecretSealing;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/**
 * {@code java -jar adtarget.jar reencrypt-secrets}: re-seals every stored secret with the newest
 * key of SECRETS_KEY. Rotation: put the new key first in the ring on every instance, restart them,
 * run this once, then drop the old key from the ring.
 */
final class ReencryptSecretsCommand {
    static final String NAME = "reencrypt-secrets";

    private ReencryptSecretsCommand() {
    }

    /** Runs against the configured (or embedded) database; the number of secrets re-sealed. */
    static int run(Config config) {
        AesGcmSecretBox box = SecretsKeyFile.box(config);
        EmbeddedDatabase embedded = config.embeddedDatabase() ? EmbeddedDatabase.start(config.dataDir()) : null;
        try {
            String url = embedded != null ? embedded.url() : config.databaseUrl().toString();
            Migrations.migrate(url);
            Vertx vertx = Vertx.vertx();
            try {
                Pool pool = PgPools.create(vertx, url, 2);
                try {
                    return new PgSecretSealing(pool, box).reencryptAll().await();
                } finally {
                    pool.close().await();
                }
            } finally {
                vertx.close().await();
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** The line printed when done: counts and the key id, never a secret. */
    static String summary(int count, Config config) {
        return "re-encrypted " + count + " secret(s) with key " + SecretsKeyFile.box(config).currentKeyId();
    }
}
