package io.adtarget.persistence.redis;

import io.adtarget.application.port.out.DistributedLock;
import io.adtarget.application.port.ServiceUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@link DistributedLock} on Redis: {@code SET key token NX PX ttl}, renewed every ttl/3 while held,
 * released by a compare-and-delete script so a stale holder can never free a newer holder's lock.
 */
public final class RedisDistributedLock implements DistributedLock {
    static final String DEPENDENCY = "redis";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    private static final SecureRandom TOKENS = new SecureRandom();

    private final Vertx vertx;
    private final RedisAPI redis;
    private final String keyPrefix;
    private final RedisReachability reachability;

    /** A lock that knows nothing of Redis's health ({@link #reachable()} is always true). */
    public RedisDistributedLock(Vertx vertx, RedisAPI redis, String keyPrefix) {
        this(vertx, redis, keyPrefix, null);
    }

    /** A lock whose {@link #reachable()} follows {@code reachability}, which its own failed commands also inform. */
    public RedisDistributedLock(Vertx vertx, RedisAPI redis, String keyPrefix, RedisReachability reachability) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.reachability = reachability;
    }

    @Override
    public boolean reachable() {
        return reachability == null || reachability.reachable();
    }

    /** A Redis client for {@code redis://[:password@]host:port[/db]} with bounded pool, waiters and connect time. */
    public static Redis client(Vertx vertx, String redisUrl, int poolSize) {
        RedisOptions options = new RedisOptions()
                .setConnectionString(redisUrl)
                .setMaxPoolSize(poolSize)
                .setMaxPoolWaiting(poolSize * 64)
                .setMaxWaitingHandlers(4096)
                .setNetClientOptions(new NetClientOptions().setConnectTimeout(2000).setTcpKeepAlive(true));
        return Redis.createClient(vertx, options);
    }

    @Override
    public Future<Optional<Handle>> acquire(String name, Duration ttl, Duration maxWait) {
        if (ttl.toMillis() < 3) {
            return Future.failedFuture(new IllegalArgumentException("ttl must be at least 3 ms"));
        }
        String key = keyPrefix + name;
        String token = newToken();
        long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
        return attempt(key, token, ttl, deadline);
    }

    private Future<Optional<Handle>> attempt(String key, String token, Duration ttl, long deadline) {
        return command(redis.set(List.of(key, token, "NX", "PX", Long.toString(ttl.toMillis())))).compose(reply -> {
            if (reply != null) {
                return Future.succeededFuture(Optional.<Handle>of(new RedisLockHandle(this, key, token, ttl)));
            }
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMs <= 0) {
                return Future.succeededFuture(Optional.empty());
            }
            long backoff = Math.min(remainingMs, ThreadLocalRandom.current().nextLong(10, 51));
            return delay(backoff).compose(v -> attempt(key, token, ttl, deadline));
        });
    }

    Future<Long> script(String script, String key, String... args) {
        return command(RedisScripts.run(redis, script, key, args));
    }

    Vertx vertx() {
        return vertx;
    }

    private Future<Void> delay(long millis) {
        Promise<Void> promise = Promise.promise();
        vertx.setTimer(Math.max(1, millis), id -> promise.complete());
        return promise.future();
    }

    /** Bounds every command and maps "Redis cannot answer" to {@link ServiceUnavailableException}. */
    private <T> Future<T> command(Future<T> call) {
        Future<T> bounded = call.timeout(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (reachability != null) {
            bounded = bounded.onSuccess(answer -> reachability.answered());
        }
        return bounded
                .recover(failure -> {
                    if (reachability != null) {
                        reachability.failed();
                    }
                    return Future.failedFuture(failure instanceof ServiceUnavailableException
                            ? failure
                            : new ServiceUnavailableException(DEPENDENCY, failure));
                });
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        TOKENS.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
