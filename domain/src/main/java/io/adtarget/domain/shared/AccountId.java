package io.adtarget.domain.shared;

import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identifier of Account (a random UUID). */
public record AccountId(UUID value) {
    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    public static AccountId random(RandomGenerator random) {
        return new AccountId(Ids.randomUuid(random));
    }

    /** Parses the canonical UUID form; throws {@link IllegalArgumentException} otherwise. */
    public static AccountId parse(String text) {
        return new AccountId(Uuids.parseStrict(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
