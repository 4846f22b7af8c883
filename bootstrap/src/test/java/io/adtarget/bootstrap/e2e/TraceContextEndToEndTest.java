package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** W3C traceparent: accepted on the API and carried, with the same trace id, to the call to Meta. */
class TraceContextEndToEndTest {
    private static final Vertx VERTX = Vertx.vertx();
    private static final List<String> received = new CopyOnWriteArrayList<>();
    private static HttpServer graph;
    private static RunningService service;
    private static Tenant tenant;

    @BeforeAll
    static void start() {
        // Meta's Graph API as far as this test cares: note the traceparent, accept the event.
        graph = VERTX.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            received.add(String.valueOf(request.getHeader("traceparent")));
            request.response().putHeader("Content-Type", "application/json")
                    .end("{\"events_received\":1,\"fbtrace_id\":\"AtraceTest\"}");
        })).listen(0, "127.0.0.1").await();
        service = RunningService.start(Map.of("META_GRAPH_URL", "http://127.0.0.1:" + graph.actualPort()));
        tenant = service.provision("live", true, null, "-1001234567890");
    }

    @AfterAll
    static void stop() {
        service.close();
        graph.close().await();
        VERTX.close().await();
    }

    private static HttpResponse<Buffer> post(long user, String traceparent) {
        var request = service.request(HttpMethod.POST, "/api/v1/events/conversion")
                .putHeader("Authorization", "Bearer " + tenant.apiKey());
        if (traceparent != null) {
            request.putHeader("traceparent", traceparent);
        }
        return request.sendJsonObject(tenant.purchase(user)).await();
    }

    @Test
    void the_meta_call_continues_the_callers_trace_with_a_new_span() {
        received.clear();
        HttpResponse<Buffer> created = post(9101, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(received).hasSize(1);
        assertThat(received.get(0)).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
                .doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void without_a_valid_traceparent_the_meta_call_starts_a_new_trace() {
        received.clear();
        post(9102, null);
        post(9103, "00-00000000000000000000000000000000-00f067aa0ba902b7-01");

        assertThat(received).hasSize(2).allMatch(value -> value.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00"))
                .noneMatch(value -> value.contains("00000000000000000000000000000000"));
        assertThat(received.get(0).substring(3, 35)).isNotEqualTo(received.get(1).substring(3, 35));
    }
}
