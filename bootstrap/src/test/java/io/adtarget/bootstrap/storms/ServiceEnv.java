package io.adtarget.bootstrap.storms;

import io.adtarget.bootstrap.e2e.RunningService;
import io.adtarget.persistence.testing.TestRedis;
import java.util.HashMap;
import java.util.Map;

/** The environment of one more instance beside a {@link RunningService}: same database, Redis and fake Meta. */
final class ServiceEnv {
    private ServiceEnv() {
    }

    static Map<String, String> sibling(RunningService first, Map<String, String> extra) {
        return of(first.databaseUrl(), first.meta().url(), "0", extra);
    }

    /** Mirrors RunningService's defaults (fast retries, short leases), on a given database, fake and port. */
    static Map<String, String> of(String databaseUrl, String metaUrl, String port, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", databaseUrl);
        env.put("REDIS_URL", TestRedis.url());
        env.put("META_MODE", "live");
        env.put("META_GRAPH_URL", metaUrl);
        env.put("META_TIMEOUT", "PT1S");
        env.put("DELIVERY_LEASE", "PT3S");
        env.put("ADMIN_TOKEN", RunningService.ADMIN_TOKEN);
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", port);
        env.put("DEV_SEED", "false");
        env.put("RETRY_POLL_INTERVAL", "PT0.2S");
        env.put("RETRY_BASE_DELAY", "PT0.3S");
        env.putAll(extra);
        return Map.copyOf(env);
    }
}
