package io.adtarget.http.ops;

import java.util.List;

/** The outcome of the readiness checks, one entry per dependency (Postgres, Redis, …). */
public record ReadinessReport(List<ReadinessCheck> checks) {
    public ReadinessReport {
        checks = List.copyOf(checks);
    }

    public boolean ready() {
        return checks.stream().allMatch(ReadinessCheck::up);
    }
}
