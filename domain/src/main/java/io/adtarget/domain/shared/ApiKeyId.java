package io.adtarget.domain.shared;

import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifier of ApiKey (a random UUID). */
public record ApiKeyId(UUID value) {
    public ApiKeyId {
        Objects.requireNonNull(value, "value");
    }

    public static ApiKeyId random(RandomGenerator random) {
        return new ApiKeyId(Ids.randomUuid(random));
    }

    /** Parses the canonical UUID form; throws {@link IllegalArgumentException} otherwise. */
    public static ApiKeyId parse(String text) {
        return new ApiKeyId(Uuids.parseStrict(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
