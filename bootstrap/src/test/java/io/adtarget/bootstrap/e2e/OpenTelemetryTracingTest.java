package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.Config;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenTelemetry end to end: the service exports by OTLP http/protobuf to a fake collector, the
 * request's server span continues the caller's trace, every Postgres query and the Graph API call
 * are its children, the traceparent sent to Meta names the Meta client span, and no exported
 * attribute carries a secret. Without OTEL_EXPORTER_OTLP_ENDPOINT, nothing is exported.
 */
class OpenTelemetryTracingTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final String COLLECTOR_KEY = "otlp-vendor-key-Zx81=";
    private static final HexFormat HEX = HexFormat.of();

    private final Vertx vertx = Vertx.vertx();
    private final List<String> graphTraceparents = new CopyOnWriteArrayList<>();
    private final List<ExportTraceServiceRequest> exports = new CopyOnWriteArrayList<>();
    private final List<String> collectorKeys = new CopyOnWriteArrayList<>();
    private final List<String> collectorContentTypes = new CopyOnWriteArrayList<>();
    private HttpServer graph;

    @BeforeEach
    void startGraph() {
        // Meta's Graph API as far as this test cares: note the traceparent, accept the event.
        graph = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            graphTraceparents.add(String.valueOf(request.getHeader("traceparent")));
            request.response().putHeader("Content-Type", "application/json")
                    .end("{\"events_received\":1,\"fbtrace_id\":\"AtraceOtel\"}");
        })).listen(0, "127.0.0.1").await();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    /** An OTLP/HTTP collector: POST /v1/traces with an ExportTraceServiceRequest in protobuf. */
    private HttpServer collector(int port) {
        return vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (request.method() != HttpMethod.POST || !request.path().equals("/v1/traces")) {
                request.response().setStatusCode(404).end();
                return;
            }
            collectorKeys.add(String.valueOf(request.getHeader("x-collector-key")));
            collectorContentTypes.add(String.valueOf(request.getHeader("Content-Type")));
            try {
                exports.add(ExportTraceServiceRequest.parseFrom(body.getBytes()));
            } catch (Exception e) {
                request.response().setStatusCode(400).end();
                return;
            }
            request.response().putHeader("Content-Type", "application/x-protobuf")
                    .end(Buffer.buffer(ExportTraceServiceResponse.getDefaultInstance().toByteArray()));
        })).listen(port, "127.0.0.1").await();
    }

    private HttpResponse<Buffer> post(RunningService service, Tenant tenant, long user) {
        return service.request(HttpMethod.POST, "/api/v1/events/conversion")
                .putHeader("Authorization", "Bearer " + tenant.apiKey())
                .putHeader("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .sendJsonObject(tenant.purchase(user)).await();
    }

    @Test
    void the_request_its_queries_and_the_meta_call_are_one_trace_and_no_span_holds_a_secret() {
        HttpServer collector = collector(0);
        RunningService service = RunningService.start(Map.of(
                "META_GRAPH_URL", "http://127.0.0.1:" + graph.actualPort(),
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.actualPort(),
                "OTEL_SERVICE_NAME", "adtarget-under-test",
                "OTEL_EXPORTER_OTLP_HEADERS", "x-collector-key=" + COLLECTOR_KEY.replace("=", "%3D")));
        Tenant tenant;
        try {
            tenant = service.provision("live", true, null, "-1001234567890");
            HttpResponse<Buffer> created = post(service, tenant, 9201);
            assertThat(created.statusCode()).isEqualTo(201);
        } finally {
            // the graceful stop flushes the spans still buffered: after it, the collector has them all
            service.close();
        }

        assertThat(collectorKeys).isNotEmpty().allMatch(COLLECTOR_KEY::equals);
        assertThat(collectorContentTypes).allMatch("application/x-protobuf"::equals);
        assertThat(exports).flatMap(ExportTraceServiceRequest::getResourceSpansList)
                .allSatisfy(resource -> assertThat(attribute(resource.getResource().getAttributesList(), "service.name"))
                        .isEqualTo("adtarget-under-test"));

        List<Span> trace = spans().filter(span -> hex(span.getTraceId().toByteArray()).equals(TRACE_ID)).toList();
        List<Span> servers = trace.stream().filter(span -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER).toList();
        assertThat(servers).as("one server span continues the caller's trace").hasSize(1);
        Span server = servers.get(0);
        assertThat(hex(server.getParentSpanId().toByteArray())).isEqualTo(CALLER_SPAN);
        assertThat(attribute(server.getAttributesList(), "url.path")).isEqualTo("/api/v1/events/conversion");
        assertThat(attribute(server.getAttributesList(), "http.response.status_code")).isEqualTo("201");
        String serverId = hex(server.getSpanId().toByteArray());

        List<Span> queries = trace.stream().filter(span -> "postgresql".equals(attribute(span.getAttributesList(), "db.system")))
                .toList();
        assertThat(queries).as("the request's Postgres queries").isNotEmpty().allSatisfy(query -> {
            assertThat(query.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
            assertThat(hex(query.getParentSpanId().toByteArray())).isEqualTo(serverId);
            assertThat(attribute(query.getAttributesList(), "db.query.text")).isNotBlank();
        });
        assertThat(queries).anySatisfy(query ->
                assertThat(attribute(query.getAttributesList(), "db.query.text")).containsIgnoringCase("insert"));

        List<Span> metaCalls = trace.stream().filter(span -> {
            String url = attribute(span.getAttributesList(), "url.full");
            return url != null && url.contains("/events");
        }).toList();
        assertThat(metaCalls).as("one Graph API call").hasSize(1);
        Span meta = metaCalls.get(0);
        assertThat(meta.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(hex(meta.getParentSpanId().toByteArray())).isEqualTo(serverId);
        assertThat(attribute(meta.getAttributesList(), "url.full"))
                .isEqualTo("http://127.0.0.1:" + graph.actualPort() + "/v24.0/123456789012345/events?access_token=REDACTED");
        assertThat(attribute(meta.getAttributesList(), "http.response.status_code")).isEqualTo("200");
        assertThat(graphTraceparents).containsExactly("00-" + TRACE_ID + "-" + hex(meta.getSpanId().toByteArray()) + "-01");

        List<String> exported = new ArrayList<>();
        spans().forEach(span -> {
            exported.add(span.getName());
            span.getAttributesList().forEach(kv -> exported.add(kv.getKey() + "=" + render(kv.getValue())));
            span.getEventsList().forEach(event -> event.getAttributesList()
                    .forEach(kv -> exported.add(kv.getKey() + "=" + render(kv.getValue()))));
        });
        exports.forEach(export -> export.getResourceSpansList().forEach(resource -> resource.getResource()
                .getAttributesList().forEach(kv -> exported.add(kv.getKey() + "=" + render(kv.getValue())))));
        assertThat(exported).isNotEmpty().noneMatch(text -> text.contains(tenant.apiKey())
                || text.contains(tenant.accessToken()) || text.contains(RunningService.ADMIN_TOKEN)
                || text.contains(COLLECTOR_KEY) || text.contains(tenant.apiKey().substring(tenant.apiKey().length() - 12)));
    }

    @Test
    void without_an_otlp_endpoint_nothing_is_exported_and_the_traceparent_is_still_propagated() {
        // A collector at the OTLP default address: an SDK created with its defaults would post here.
        HttpServer collector;
        try {
            collector = collector(4318);
        } catch (RuntimeException e) {
            Assumptions.abort("127.0.0.1:4318 is taken on this machine: " + e.getMessage());
            return;
        }
        Map<String, String> env = Map.of("META_GRAPH_URL", "http://127.0.0.1:" + graph.actualPort(),
                "OTEL_SERVICE_NAME", "adtarget-under-test", "OTEL_TRACES_SAMPLER_ARG", "1.0");
        RunningService service = RunningService.start(env);
        try {
            assertThat(Config.fromEnvironment(service.siblingEnvironment(env)).tracing().enabled()).isFalse();
            Tenant tenant = service.provision("live", true, null, "-1001234567890");
            assertThat(post(service, tenant, 9202).statusCode()).isEqualTo(201);
        } finally {
            service.close();
        }

        assertThat(graphTraceparents).singleElement().asString().matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        assertThat(exports).isEmpty();
        assertThat(collector.actualPort()).isEqualTo(4318);
    }

    private Stream<Span> spans() {
        return exports.stream().flatMap(export -> export.getResourceSpansList().stream())
                .flatMap(resource -> resource.getScopeSpansList().stream())
                .flatMap(scope -> scope.getSpansList().stream());
    }

    private static String attribute(List<KeyValue> attributes, String key) {
        return attributes.stream().filter(kv -> kv.getKey().equals(key)).findFirst()
                .map(kv -> render(kv.getValue())).orElse(null);
    }

    private static String render(AnyValue value) {
        return value.hasStringValue() ? value.getStringValue() : value.toString();
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
