package io.adtarget.http.ops;

import java.util.Objects;

/** One readiness check: its name, whether it passed, and an optional client-safe detail (no URLs, no secrets). */
public record ReadinessCheck(String name, boolean up, String detail) {
    public ReadinessCheck {
        Objects.requireNonNull(name, "name");
    }

    public static ReadinessCheck up(String name) {
        return new ReadinessCheck(name, true, null);
    }

    public static ReadinessCheck down(String name, String detail) {
        return new ReadinessCheck(name, false, detail);
    }
}
