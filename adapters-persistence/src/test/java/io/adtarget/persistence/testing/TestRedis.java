package io.adtarget.persistence.testing;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * The Redis server tests use, started once per JVM: {@code ADTARGET_TEST_REDIS_URL} if set, else
 * Testcontainers when Docker is available, else an embedded server. Callers isolate by key prefix.
 */
public final class TestRedis {
    public static final String ENV = "ADTARGET_TEST_REDIS_URL";
    private static final Logger LOG = LoggerFactory.getLogger(TestRedis.class);
    private static String url;

    private TestRedis() {
    }

    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    /** A key prefix no other test class uses. */
    public static String keyPrefix() {
        return "adtarget-test:" + UUID.randomUUID() + ":";
    }

    private static String start() {
        String fromEnv = System.getenv(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            LOG.info("test redis: using the server named by {}", ENV);
            return fromEnv;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            GenericContainer<?> container = new GenericContainer<>("redis:7").withExposedPorts(6379);
            container.start();
            LOG.info("test redis: Testcontainers redis:7 on port {}", container.getMappedPort(6379));
            return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
        }
        OwnEmbeddedRedis embedded = OwnEmbeddedRedis.start();
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::stop));
        LOG.info("test redis: embedded redis-server on {}", embedded.url());
        return embedded.url();
    }
}
