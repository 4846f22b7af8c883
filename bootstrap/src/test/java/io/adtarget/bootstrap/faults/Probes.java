package io.adtarget.bootstrap.faults;

import io.adtarget.bootstrap.e2e.RunningService;
import io.adtarget.meta.testing.FakeGraphApi;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Observations of a running service from outside: readiness, and what the fake Meta received. */
final class Probes {
    private Probes() {
    }

    /** GET /health/ready: its status and, per check name, UP or DOWN. */
    record Readiness(int status, long latencyMs, Map<String, String> checks) {
    }

    static Readiness readiness(RunningService service) {
        long started = System.nanoTime();
        HttpResponse<Buffer> response = service.request(HttpMethod.GET, "/health/ready").timeout(10_000).send().await();
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        JsonObject body = response.bodyAsJsonObject();
        Map<String, String> checks = body.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
        return new Readiness(response.statusCode(), latencyMs, checks);
    }

    static List<String> eventIdsAcceptedMoreThanOnce(FakeGraphApi meta) {
        return meta.acceptedEventIds().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
    }

    /** Event ids Meta accepted more than once, summed as the number of surplus deliveries. */
    static long doubleDeliveries(FakeGraphApi meta) {
        List<String> accepted = meta.acceptedEventIds();
        return accepted.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .values().stream().mapToLong(count -> count - 1).sum();
    }
}
