package io.adtarget.domain.account;

/** A token bucket: {@code perSecond} tokens refill each second, up to {@code burst} held at once. */
public record RateLimit(int perSecond, int burst) {
    public RateLimit {
        if (perSecond < 1 || perSecond > 1_000_000) {
            throw new IllegalArgumentException("perSecond must be 1-1000000");
        }
        if (burst < 1 || burst > 10_000_000) {
            throw new IllegalArgumentException("burst must be 1-10000000");
        }
    }
}
