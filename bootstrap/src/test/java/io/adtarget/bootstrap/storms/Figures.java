package io.adtarget.bootstrap.storms;

import io.adtarget.bootstrap.testing.Soak;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The figures docs/reliability.md publishes, one markdown row per scenario run: printed and appended
 * to {@code target/reliability-figures.md} so the last run can be copied into the document.
 */
record Figures(String scenario, String load, String faults, long acknowledged, long lost, long doubleDeliveries,
        long p99Millis, String notes) {

    void publish() {
        String row = "| " + scenario + " | " + load + " | " + faults + " | " + acknowledged + " | " + lost + " | "
                + doubleDeliveries + " | " + p99Millis + " ms | " + notes + " |";
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
