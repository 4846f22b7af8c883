package io.adtarget.domain.account;

import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.Names;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer: owns API keys and sites. {@code rateLimitPerSecond} overrides the service's default
 * rate limit for every key of the account (null: the default applies).
 */
public record Account(AccountId id, String name, Instant createdAt, Integer rateLimitPerSecond) {
    public static final int MAX_RATE_LIMIT_PER_SECOND = 1_000_000;

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Names.requireValid(name);
        if (rateLimitPerSecond != null) {
            requireValidRateLimit(rateLimitPerSecond);
        }
    }

    public Account(AccountId id, String name, Instant createdAt) {
        this(id, name, createdAt, null);
    }

    /** The account's own token bucket, if it has one: its rate refills, twice its rate is the burst. */
    public Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(rateLimitPerSecond).map(Account::bucketOf);
    }

    public Account withName(String newName) {
        return new Account(id, newName, createdAt, rateLimitPerSecond);
    }

    public Account withRateLimitPerSecond(Integer perSecond) {
        return new Account(id, name, createdAt, perSecond);
    }

    /** The bucket of a per-account rate: {@code perSecond} refill, {@code 2 × perSecond} capacity. */
    public static RateLimit bucketOf(int perSecond) {
        return new RateLimit(perSecond, perSecond * 2);
    }

    public static int requireValidRateLimit(int perSecond) {
        if (perSecond < 1 || perSecond > MAX_RATE_LIMIT_PER_SECOND) {
            throw new IllegalArgumentException("must be an integer from 1 to " + MAX_RATE_LIMIT_PER_SECOND);
        }
        return perSecond;
    }
}
