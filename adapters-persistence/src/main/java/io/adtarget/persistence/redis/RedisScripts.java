package io.adtarget.persistence.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The lock's Lua scripts, run by EVALSHA with an EVAL fallback when the server does not know them (NOSCRIPT). */
final class RedisScripts {
    /** Deletes the key only if it still holds our token: never frees another holder's lock. */
    static final String COMPARE_AND_DELETE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
    /** Extends the key's TTL only if it still holds our token. */
    static final String COMPARE_AND_PEXPIRE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

    /** The SHA-1 of each script, computed once rather than on every lock release and renewal. */
    private static final Map<String, String> SHAS = new ConcurrentHashMap<>();

    private RedisScripts() {
    }

    /** Runs {@code script} on one key; resolves to the script's integer result. */
    static Future<Long> run(RedisAPI redis, String script, String key, String... args) {
        List<String> shaArgs = arguments(SHAS.computeIfAbsent(script, RedisScripts::sha1), key, args);
        return redis.evalsha(shaArgs)
                .recover(failure -> failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT")
                        ? redis.eval(arguments(script, key, args))
                        : Future.failedFuture(failure))
                .map(RedisScripts::asLong);
    }

    private static List<String> arguments(String first, String key, String... args) {
        List<String> out = new ArrayList<>(3 + args.length);
        out.add(first);
        out.add("1");
        out.add(key);
        out.addAll(List.of(args));
        return out;
    }

    private static long asLong(Response response) {
        return response == null ? 0L : response.toLong();
    }

    static String sha1(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
