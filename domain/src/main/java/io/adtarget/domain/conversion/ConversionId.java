package io.adtarget.domain.conversion;

import io.adtarget.domain.shared.Ids;
import io.adtarget.domain.shared.Uuids;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifier of a conversion: a time-ordered UUIDv7. */
public record ConversionId(UUID value) {
    public ConversionId {
        Objects.requireNonNull(value, "value");
    }

    public static ConversionId generate(Instant now, RandomGenerator random) {
        return new ConversionId(Ids.uuidV7(now, random));
    }

    public static ConversionId parse(String text) {
        return new ConversionId(Uuids.parseStrict(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
