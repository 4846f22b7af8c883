package io.adtarget.bootstrap;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The tracer Vert.x is built with. Off (no {@code OTEL_EXPORTER_OTLP_ENDPOINT}): the hand-written
 * {@link TraceContextPropagation}, and not one OpenTelemetry class is loaded. On: an OpenTelemetry
 * SDK configured here from {@link TracingConfig} alone (no autoconfigure, no global instance: two
 * services in one JVM keep theirs apart), W3C trace context, a batch processor exporting by OTLP
 * http/protobuf through the JDK's HttpClient, and Vert.x's OpenTelemetry tracer behind
 * {@link SpanRedaction}.
 */
final class Tracing {
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private final VertxTracerFactory factory;
    private final OpenTelemetrySdk sdk;

    private Tracing(VertxTracerFactory factory, OpenTelemetrySdk sdk) {
        this.factory = factory;
        this.sdk = sdk;
    }

    static Tracing create(TracingConfig config) {
        if (!config.enabled()) {
            return new Tracing(TraceContextPropagation.factory(), null);
        }
        OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(config.tracesUrl())
                .setTimeout(Duration.ofSeconds(10))
                // the exporter's own metrics would otherwise go to GlobalOpenTelemetry
                .setMeterProvider(MeterProvider.noop());
        config.headers().forEach(exporter::addHeader);
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
                AttributeKey.stringKey("service.name"), config.serviceName(),
                AttributeKey.stringKey("service.version"), CommandLine.version().substring("adtarget ".length()))));
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .setResource(resource)
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(config.samplerRatio())))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter.build()).build())
                .build();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(tracerProvider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        OpenTelemetryTracingFactory otel = new OpenTelemetryTracingFactory(sdk);
        VertxTracerFactory redacting = options -> new SpanRedaction<>((VertxTracer<Object, Object>) otel.tracer(options));
        return new Tracing(redacting, sdk);
    }

    VertxTracerFactory factory() {
        return factory;
    }

    boolean enabled() {
        return sdk != null;
    }

    /** Exports the spans still buffered and stops the exporter; waits at most 10 s. Blocking. */
    void shutdown() {
        if (sdk == null) {
            return;
        }
        CompletableResultCode done = sdk.shutdown().join(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        if (!done.isSuccess()) {
            throw new IllegalStateException("the OpenTelemetry SDK did not flush within " + SHUTDOWN_WAIT.toSeconds()
                    + " s (collector unreachable?)");
        }
    }
}
