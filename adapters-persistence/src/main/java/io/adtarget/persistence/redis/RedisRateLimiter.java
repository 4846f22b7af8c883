package io.adtarget.persistence.redis;

import io.adtarget.application.port.out.RateLimiter;
import io.adtarget.domain.account.RateLimit;
import io.adtarget.domain.account.RateLimitDecision;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * {@link RateLimiter} on Redis: the bucket is a hash refilled and taken from in one Lua script
 * (one round trip, atomic across instances), timed by Redis's own clock so instance clocks do not
 * matter; it expires once it would be full again.
 *
 * <p>A key allowed 2,000 requests a second or more does not cost a round trip per request: the script
 * hands this instance up to a millisecond's worth of its rate at once ({@link #chunkOf}), and the
 * following requests spend that lease here, for at most {@link #LEASE_NANOS}. Leased tokens are gone
 * from the shared bucket, so every instance together still never admits more than the bucket holds. A lease
 * may expire unspent: that errs toward admitting less, never more — a millisecond of the rate per round trip,
 * and requests that find the lease empty at the same moment each make their own round trip. Below 2,000 a
 * second every request asks Redis, exactly as before.
 */
public final class RedisRateLimiter implements RateLimiter {
    static final String TAKE = String.join("\n",
            "local rate = tonumber(ARGV[1])",
            "local burst = tonumber(ARGV[2])",
            "local wanted = tonumber(ARGV[3] or '1')",
            "local t = redis.call('TIME')",
            "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)",
            "local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')",
            "local tokens = tonumber(state[1])",
            "local ts = tonumber(state[2])",
            "if tokens == nil or ts == nil then tokens = burst; ts = now end",
            "if now > ts then tokens = math.min(burst, tokens + (now - ts) * rate / 1000); ts = now end",
            "local taken = 0",
            "local retry = 0",
            "if tokens >= 1 then taken = math.min(wanted, math.floor(tokens)); tokens = tokens - taken",
            "else retry = math.ceil((1 - tokens) * 1000 / rate) end",
            "redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))",
            "local reset = math.ceil((burst - tokens) * 1000 / rate)",
            "redis.call('PEXPIRE', KEYS[1], reset + 1000)",
            "return {taken, math.floor(tokens), retry, reset}");
    private static final String SHA = RedisScripts.sha1(TAKE);
    /** How long tokens leased from the shared bucket may be spent by this instance. */
    static final long LEASE_NANOS = 1_000_000_000L;

    private final RedisAPI redis;
    private final String prefix;
    private final LongSupplier nanoTime;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    public RedisRateLimiter(RedisAPI redis, String keyPrefix) {
        this(redis, keyPrefix, System::nanoTime);
    }

    RedisRateLimiter(RedisAPI redis, String keyPrefix, LongSupplier nanoTime) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(keyPrefix, "keyPrefix") + "rate:";
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public Future<RateLimitDecision> take(String bucket, RateLimit limit) {
        int chunk = chunkOf(limit);
        if (chunk > 1) {
            Lease lease = leases.get(bucket);
            RateLimitDecision spent = lease == null ? null : lease.spend(limit, nanoTime.getAsLong());
            if (spent != null) {
                return Future.succeededFuture(spent);
            }
        }
        String key = prefix + bucket;
        List<String> args = List.of(SHA, "1", key, Integer.toString(limit.perSecond()),
                Integer.toString(limit.burst()), Integer.toString(chunk));
        return redis.evalsha(args)
                .recover(failure -> failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT")
                        ? redis.eval(withScript(args))
                        : Future.failedFuture(failure))
                .map(response -> decision(bucket, response, limit));
    }

    /** Tokens asked of Redis at once: a millisecond of the key's rate, 1 below 2,000 a second. */
    static int chunkOf(RateLimit limit) {
        return Math.max(1, limit.perSecond() / 1000);
    }

    private RateLimitDecision decision(String bucket, Response r, RateLimit limit) {
        long taken = r.get(0).toLong();
        long left = r.get(1).toLong();
        long retryMs = r.get(2).toLong();
        long resetMs = r.get(3).toLong();
        boolean allowed = taken >= 1;
        if (taken > 1) {
            leases.computeIfAbsent(bucket, name -> new Lease()).add(taken - 1, left, resetMs,
                    nanoTime.getAsLong() + LEASE_NANOS);
        }
        return new RateLimitDecision(allowed, limit.burst(), left + (allowed ? taken - 1 : 0), ceilSeconds(resetMs),
                allowed ? 0 : Math.max(1, ceilSeconds(retryMs)));
    }

    private static List<String> withScript(List<String> evalshaArgs) {
        List<String> args = new ArrayList<>(evalshaArgs);
        args.set(0, TAKE);
        return args;
    }

    static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }

    /** Tokens this instance took from the shared bucket ahead of use, spendable until {@code expiresAt}. */
    private static final class Lease {
        private long tokens;
        private long sharedLeft;
        private long resetMs;
        private long expiresAt;

        synchronized void add(long more, long left, long reset, long until) {
            if (until - expiresAt > LEASE_NANOS) {
                tokens = 0; // what is left of a lease that ended is not carried into the new one
            }
            tokens += more;
            sharedLeft = left;
            resetMs = reset;
            expiresAt = until;
        }

        /** An allowed decision spending one leased token, or null when none is left or the lease ran out. */
        synchronized RateLimitDecision spend(RateLimit limit, long now) {
            if (tokens < 1 || now - expiresAt >= 0) {
                tokens = 0;
                return null;
            }
            tokens--;
            return new RateLimitDecision(true, limit.burst(), sharedLeft + tokens, ceilSeconds(resetMs), 0);
        }
    }
}
