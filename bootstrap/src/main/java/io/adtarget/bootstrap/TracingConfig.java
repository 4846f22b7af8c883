package io.adtarget.bootstrap;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * OpenTelemetry tracing, from the standard {@code OTEL_*} variables this service supports. Off
 * ({@link #OFF}) unless {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set; then spans go by OTLP
 * http/protobuf to {@code {endpoint}/v1/traces}.
 *
 * @param endpoint the collector's base URL, or null when tracing is off
 * @param serviceName the {@code service.name} resource attribute
 * @param headers sent with every export (often an API key of the tracing vendor): never logged
 * @param samplerRatio share of new traces kept, 0…1 (a caller's sampled flag decides for its trace)
 */
public record TracingConfig(URI endpoint, String serviceName, Map<String, String> headers, double samplerRatio) {
    public static final String DEFAULT_SERVICE_NAME = "adtarget-conversions";
    public static final TracingConfig OFF = new TracingConfig(null, DEFAULT_SERVICE_NAME, Map.of(), 1.0);

    public TracingConfig {
        Objects.requireNonNull(serviceName, "serviceName");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        if (!(samplerRatio >= 0 && samplerRatio <= 1)) {
            throw new IllegalArgumentException("samplerRatio must be within 0..1");
        }
    }

    public boolean enabled() {
        return endpoint != null;
    }

    /** Where spans are POSTed: the base endpoint with the signal path appended, as the OTLP spec says. */
    public String tracesUrl() {
        String base = endpoint.toString();
        return (base.endsWith("/") ? base : base + "/") + "v1/traces";
    }

    static TracingConfig fromEnvironment(EnvReader env) {
        if (env.bool("OTEL_SDK_DISABLED", false)) {
            return OFF;
        }
        URI endpoint = env.uri("OTEL_EXPORTER_OTLP_ENDPOINT", "http", "https");
        if (endpoint == null) {
            return OFF;
        }
        String protocol = env.string("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        if (!protocol.equals("http/protobuf")) {
            throw new ConfigException("OTEL_EXPORTER_OTLP_PROTOCOL", "only http/protobuf is supported (got '"
                    + protocol + "')");
        }
        String sampler = env.string("OTEL_TRACES_SAMPLER", "parentbased_traceidratio").toLowerCase(Locale.ROOT);
        if (!sampler.equals("parentbased_traceidratio")) {
            throw new ConfigException("OTEL_TRACES_SAMPLER", "only parentbased_traceidratio is supported"
                    + " (the ratio is OTEL_TRACES_SAMPLER_ARG)");
        }
        double ratio = env.oneOf("OTEL_TRACES_SAMPLER_ARG", 1.0, text -> {
            double value = Double.parseDouble(text);
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException();
            }
            return value;
        }, "a ratio between 0 and 1");
        return new TracingConfig(endpoint, env.string("OTEL_SERVICE_NAME", DEFAULT_SERVICE_NAME),
                headers(env.raw("OTEL_EXPORTER_OTLP_HEADERS")), ratio);
    }

    /**
     * {@code key1=value1,key2=value2}, values URL-encoded (the OTel spec's W3C-baggage-like format).
     * A malformed list is rejected without echoing it: it usually holds a credential.
     */
    static Map<String, String> headers(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (text == null) {
            return headers;
        }
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? "" : pair.substring(0, equals).trim();
            if (name.isEmpty() || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new ConfigException("OTEL_EXPORTER_OTLP_HEADERS",
                        "must be a comma-separated list of name=value (a header name is missing or invalid)");
            }
            String value;
            try {
                value = URLDecoder.decode(pair.substring(equals + 1).trim(), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("OTEL_EXPORTER_OTLP_HEADERS",
                        "the value of header '" + name + "' is not valid URL encoding");
            }
            if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new ConfigException("OTEL_EXPORTER_OTLP_HEADERS",
                        "the value of header '" + name + "' holds a control character");
            }
            headers.put(name, value);
        }
        return headers;
    }

    /** One line for the startup log: where spans go and the header names, never their values. */
    public String describe() {
        if (!enabled()) {
            return "off";
        }
        return "otlp(" + endpoint.getScheme() + "://" + endpoint.getHost()
                + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort())
                + " service=" + serviceName + " ratio=" + samplerRatio
                + (headers.isEmpty() ? "" : " headers=" + String.join("|", headers.keySet())) + ")";
    }

    /** Never the header values. */
    @Override
    public String toString() {
        return "TracingConfig[" + describe() + "]";
    }
}
