package io.adtarget.domain.account;

/**
 * One request against a {@link RateLimit} bucket: {@code remaining} tokens after this request,
 * {@code resetSeconds} until the bucket is full again, {@code retryAfterSeconds} until the next token
 * when refused (0 when allowed). {@code limit} 0 means "no limit applies".
 */
public record RateLimitDecision(boolean allowed, int limit, long remaining, long resetSeconds,
        long retryAfterSeconds) {
}
