package io.adtarget.domain.shared;

import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Builds identifiers: random UUIDv4 for entities, time-ordered UUIDv7 for conversions. */
public final class Ids {
    private Ids() {
    }

    /** A random (version 4) UUID drawn from the given source. */
    public static UUID randomUuid(RandomGenerator random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** A version 7 UUID: 48 bits of Unix milliseconds from {@code instant}, then random bits. */
    public static UUID uuidV7(Instant instant, RandomGenerator random) {
        long millis = instant.toEpochMilli();
        if (millis < 0 || millis >= (1L << 48)) {
            throw new IllegalArgumentException("instant out of UUIDv7 range: " + instant);
        }
        long randA = random.nextLong() & 0x0FFFL;
        long msb = (millis << 16) | 0x7000L | randA;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
