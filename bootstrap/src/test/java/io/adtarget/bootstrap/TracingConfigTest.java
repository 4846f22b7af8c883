package io.adtarget.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracingConfigTest {
    private static TracingConfig tracing(Map<String, String> otel) {
        return Config.fromEnvironment(otel).tracing();
    }

    @Test
    void tracing_is_off_without_an_endpoint_whatever_else_is_set() {
        assertThat(tracing(Map.of())).isEqualTo(TracingConfig.OFF);
        assertThat(tracing(Map.of("OTEL_SERVICE_NAME", "x", "OTEL_EXPORTER_OTLP_HEADERS", "a=b",
                "OTEL_TRACES_SAMPLER_ARG", "0.5")).enabled()).isFalse();
        assertThat(tracing(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_SDK_DISABLED", "true")).enabled()).isFalse();
        assertThat(Config.fromEnvironment(Map.of()).describe(8080)).endsWith(" tracing=off");
    }

    @Test
    void an_endpoint_turns_it_on_with_the_documented_defaults() {
        TracingConfig config = tracing(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"));

        assertThat(config.enabled()).isTrue();
        assertThat(config.tracesUrl()).isEqualTo("http://collector:4318/v1/traces");
        assertThat(config.serviceName()).isEqualTo("adtarget-conversions");
        assertThat(config.samplerRatio()).isEqualTo(1.0);
        assertThat(config.headers()).isEmpty();
        assertThat(tracing(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "https://otlp.example.com/otlp/")).tracesUrl())
                .isEqualTo("https://otlp.example.com/otlp/v1/traces");
    }

    @Test
    void headers_are_parsed_url_decoded_and_never_printed() {
        Map<String, String> env = new HashMap<>();
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "https://user:pw@otlp.example.com:4318");
        env.put("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Basic%20c2VjcmV0LXZhbHVl, x-team = obs ,");
        env.put("OTEL_SERVICE_NAME", "conv-eu");
        env.put("OTEL_TRACES_SAMPLER_ARG", "0.25");
        Config config = Config.fromEnvironment(env);

        assertThat(config.tracing().headers()).containsExactly(
                Map.entry("Authorization", "Basic c2VjcmV0LXZhbHVl"), Map.entry("x-team", "obs"));
        assertThat(config.tracing().samplerRatio()).isEqualTo(0.25);
        assertThat(config.describe(8080)).endsWith(
                " tracing=otlp(https://otlp.example.com:4318 service=conv-eu ratio=0.25 headers=Authorization|x-team)");
        assertThat(config.toString() + config.tracing()).doesNotContain("c2VjcmV0").doesNotContain("obs)")
                .doesNotContain("pw");
    }

    @Test
    void bad_values_are_refused_naming_the_variable_and_never_echoing_a_header() {
        Map<String, String> base = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");
        assertThatThrownBy(() -> tracing(with(base, "OTEL_EXPORTER_OTLP_HEADERS", "Bearer s3cr3t-token")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("OTEL_EXPORTER_OTLP_HEADERS: ")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> tracing(with(base, "OTEL_EXPORTER_OTLP_HEADERS", "api-key=s3cr3t%zz")))
                .hasMessageStartingWith("OTEL_EXPORTER_OTLP_HEADERS: ").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> tracing(with(base, "OTEL_EXPORTER_OTLP_HEADERS", "api-key=s3cr3t%0A")))
                .hasMessageStartingWith("OTEL_EXPORTER_OTLP_HEADERS: ").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> tracing(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318")))
                .hasMessageStartingWith("OTEL_EXPORTER_OTLP_ENDPOINT: must be a URL of scheme http or https");
        assertThatThrownBy(() -> tracing(with(base, "OTEL_TRACES_SAMPLER_ARG", "1.5")))
                .hasMessageStartingWith("OTEL_TRACES_SAMPLER_ARG: must be a ratio between 0 and 1");
        assertThatThrownBy(() -> tracing(with(base, "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")))
                .hasMessageStartingWith("OTEL_EXPORTER_OTLP_PROTOCOL: only http/protobuf");
        assertThatThrownBy(() -> tracing(with(base, "OTEL_TRACES_SAMPLER", "always_off")))
                .hasMessageStartingWith("OTEL_TRACES_SAMPLER: only parentbased_traceidratio");
        assertThat(tracing(with(base, "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")).enabled()).isTrue();
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> env = new HashMap<>(base);
        env.put(name, value);
        return env;
    }
}
