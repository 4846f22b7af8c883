package io.adtarget.domain.shared;

import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifier of Site (a random UUID). */
public record SiteId(UUID value) {
    public SiteId {
        Objects.requireNonNull(value, "value");
    }

    public static SiteId random(RandomGenerator random) {
        return new SiteId(Ids.randomUuid(random));
    }

    /** Parses the canonical UUID form; throws {@link IllegalArgumentException} otherwise. */
    public static SiteId parse(String text) {
        return new SiteId(Uuids.parseStrict(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
