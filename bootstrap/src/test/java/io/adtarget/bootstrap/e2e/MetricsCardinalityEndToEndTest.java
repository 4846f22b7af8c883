package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /metrics stays bounded whatever clients send: 300 invented methods and 300 random paths add no
 * series, and every series of ours has HELP and TYPE (what {@code promtool check metrics} asks of them).
 */
class MetricsCardinalityEndToEndTest {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})? ", Pattern.MULTILINE);
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void three_hundred_invented_methods_and_paths_leave_the_size_of_metrics_bounded() {
        hostileRound(0); // first sight of each answer (405, 404, 501 …) may add its series once
        metrics(); // and so does the first scrape, for the /metrics route itself
        int before = metrics().length();

        hostileRound(1);

        String after = metrics();
        assertThat(after.length()).as("metrics grew from %d to %d bytes", before, after.length())
                .isLessThan(before + 2048);
        assertThat(after).doesNotContain("X1Y").doesNotContain("/random-");
    }

    @Test
    void every_series_of_ours_has_help_and_type_text() {
        service.request(HttpMethod.GET, "/health/live").send().await();
        String metrics = metrics();
        Set<String> families = new LinkedHashSet<>();
        Matcher sample = SAMPLE.matcher(metrics);
        while (sample.find()) {
            if (sample.group(1).startsWith("adtarget_")) {
                families.add(sample.group(1).replaceAll("_(bucket|count|sum|max|total|created)$", ""));
            }
        }

        assertThat(families).isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (String family : families) {
            boolean help = Pattern.compile("^# HELP " + family + "(_total|_seconds|_max)? \\S", Pattern.MULTILINE).matcher(metrics).find();
            boolean type = Pattern.compile("^# TYPE " + family + "(_total|_seconds|_max)? \\S", Pattern.MULTILINE).matcher(metrics).find();
            if (!help || !type) {
                missing.add(family);
            }
        }
        assertThat(missing).as("series without # HELP or # TYPE").isEmpty();
    }

    private static void hostileRound(int round) {
        Vertx vertx = Vertx.vertx();
        NetClient client = vertx.createNetClient();
        try {
            for (int i = 0; i < 300; i++) {
                String request = "X" + round + "Y" + i + " /random-" + round + "-" + i + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n";
                NetSocket socket = client.connect(service.port(), "127.0.0.1").await();
                io.vertx.core.Promise<Void> closed = io.vertx.core.Promise.promise();
                socket.handler(ignored -> { });
                socket.closeHandler(v -> closed.tryComplete());
                socket.write(request);
                closed.future().timeout(10, TimeUnit.SECONDS).await();
                service.request(HttpMethod.GET, "/random-path-" + round + "-" + i).send().await();
            }
        } finally {
            client.close().await();
            vertx.close().await();
        }
    }

    private static String metrics() {
        return service.request(HttpMethod.GET, "/metrics").send().await().bodyAsString();
    }
}
