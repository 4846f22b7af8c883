package io.adtarget.bootstrap.faults;

import java.util.List;
import java.util.Locale;

/** The figures a scenario publishes (docs/reliability-faults.md), printed as one greppable line. */
record Figures(String scenario, String load, String faults, long acknowledged, long lost, long doubleDeliveries,
        double p99DuringFaultMs, double maxDuringFaultMs) {

    static double percentileMs(List<Long> latenciesNanos, double percentile) {
        if (latenciesNanos.isEmpty()) {
            return 0;
        }
        List<Long> sorted = latenciesNanos.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    void print() {
        System.out.println(String.format(Locale.ROOT,
                "FIGURES | %s | %s | %s | %d | %d | %d | %.0f ms (max %.0f ms) |", scenario, load, faults,
                acknowledged, lost, doubleDeliveries, p99DuringFaultMs, maxDuringFaultMs));
    }
}
