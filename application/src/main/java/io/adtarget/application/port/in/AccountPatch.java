package io.adtarget.application.port.in;

import java.util.Objects;

/** A partial account update; the name can be set but not cleared, a cleared rate limit means the default. */
public record AccountPatch(Patch<String> name, Patch<Integer> rateLimitPerSecond) {
    public AccountPatch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rateLimitPerSecond, "rateLimitPerSecond");
        if (name instanceof Patch.Clear) {
            throw new IllegalArgumentException("name cannot be cleared");
        }
    }
}
