package io.adtarget.bootstrap.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** One scenario's row for docs/reliability.md: a {@code FIGURES |} line, also appended to target/reliability-figures.md. */
public record Figures(String scenario, String load, String faults, long acknowledged, long lost, long doubleDeliveries,
        String latency, String notes) {

    /** A row with the p99 in whole milliseconds and a notes column. */
    public static Figures of(String scenario, String load, String faults, long acknowledged, long lost,
            long doubleDeliveries, long p99Millis, String notes) {
        return new Figures(scenario, load, faults, acknowledged, lost, doubleDeliveries, p99Millis + " ms", notes);
    }

    /** A row with the p99 and maximum latency during the fault, and no notes column. */
    public static Figures duringFault(String scenario, String load, String faults, long acknowledged, long lost,
            long doubleDeliveries, double p99Ms, double maxMs) {
        return new Figures(scenario, load, faults, acknowledged, lost, doubleDeliveries,
                String.format(Locale.ROOT, "%.0f ms (max %.0f ms)", p99Ms, maxMs), null);
    }

    /** The nearest-rank percentile (0 < percentile ≤ 100) of latencies in nanoseconds; 0 when there are none. */
    public static long percentileNanos(List<Long> latenciesNanos, double percentile) {
        if (latenciesNanos.isEmpty()) {
            return 0;
        }
        List<Long> sorted = latenciesNanos.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** {@link #percentileNanos} in (fractional) milliseconds. */
    public static double percentileMs(List<Long> latenciesNanos, double percentile) {
        return percentileNanos(latenciesNanos, percentile) / 1e6;
    }

    public String row() {
        return "| " + scenario + " | " + load + " | " + faults + " | " + acknowledged + " | " + lost + " | "
                + doubleDeliveries + " | " + latency + " |" + (notes == null ? "" : " " + notes + " |");
    }

    /** Prints {@code FIGURES <row>} and appends the row, stamped with time and size, to target/reliability-figures.md. */
    public void publish() {
        String row = row();
        System.out.println("FIGURES " + row);
        try {
            Files.writeString(Path.of("target", "reliability-figures.md"),
                    row + " <!-- " + Instant.now() + (Soak.on() ? " soak" : " ci") + " -->\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("could not write target/reliability-figures.md: " + e);
        }
    }
}
