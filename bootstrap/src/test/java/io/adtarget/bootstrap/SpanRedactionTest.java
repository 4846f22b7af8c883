package io.adtarget.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class SpanRedactionTest {

    @Test
    void urls_keep_their_shape_and_lose_query_values_user_info_and_bot_tokens() {
        assertThat(SpanRedaction.url("https://graph.facebook.com/v24.0/123/events?access_token=EAAsecret%2B&x=1"))
                .isEqualTo("https://graph.facebook.com/v24.0/123/events?access_token=REDACTED&x=REDACTED");
        assertThat(SpanRedaction.url("https://api.telegram.org/bot123456:AAH-s3cr3t_x/sendMessage?chat_id=5"))
                .isEqualTo("https://api.telegram.org/botREDACTED/sendMessage?chat_id=REDACTED");
        assertThat(SpanRedaction.url("http://user:pw@collector:4318/v1/traces#frag"))
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(SpanRedaction.url("/api/v1/events/conversion?limit=10&flag"))
                .isEqualTo("/api/v1/events/conversion?limit=REDACTED&REDACTED");
        assertThat(SpanRedaction.url("http://h/api/v1/events/conversion")).isEqualTo("http://h/api/v1/events/conversion");
        assertThat(SpanRedaction.query("cursor=a/b&token=x")).isEqualTo("cursor=REDACTED&token=REDACTED");
    }

    @Test
    void free_text_loses_queries_secret_pairs_and_bot_tokens() {
        assertThat(SpanRedaction.text("The timeout period of 1000ms has been exceeded while executing POST "
                + "/v24.0/1/events?access_token=EAAsecret for server graph.facebook.com:443"))
                .isEqualTo("The timeout period of 1000ms has been exceeded while executing POST "
                        + "/v24.0/1/events?access_token=REDACTED for server graph.facebook.com:443")
                .doesNotContain("EAAsecret");
        assertThat(SpanRedaction.text("bad token=abc; see bot42:XYZ_secret")).isEqualTo("bad token=REDACTED; see botREDACTED");
    }

    @Test
    void the_delegate_sees_redacted_tags_and_a_redacted_failure_without_causes() {
        Recorder recorder = new Recorder();
        SpanRedaction<Object, Object> tracer = new SpanRedaction<>(recorder);
        TagExtractor<String> tags = new TagExtractor<>() {
            @Override
            public int len(String obj) {
                return 3;
            }

            @Override
            public String name(String obj, int index) {
                return List.of("url.full", "http.request.method", "db.query.text").get(index);
            }

            @Override
            public String value(String obj, int index) {
                return List.of(obj, "POST", "SELECT 1 WHERE a = $1").get(index);
            }
        };
        tracer.sendRequest(null, SpanKind.RPC, TracingPolicy.PROPAGATE, "http://g/v1/events?access_token=EAAx",
                "POST", (k, v) -> { }, tags);
        RuntimeException failure = new RuntimeException("while executing POST /e?access_token=EAAx",
                new IllegalStateException("cause with EAAx"));
        tracer.receiveResponse(null, null, null, failure, TagExtractor.empty());

        assertThat(recorder.tags).containsExactly("url.full=http://g/v1/events?access_token=REDACTED",
                "http.request.method=POST", "db.query.text=SELECT 1 WHERE a = $1");
        assertThat(recorder.failure).isInstanceOf(SpanRedaction.RedactedFailure.class)
                .hasMessage("java.lang.RuntimeException: while executing POST /e?access_token=REDACTED")
                .hasNoCause();
        assertThat(recorder.failure.getStackTrace()).isEqualTo(failure.getStackTrace());
    }

    /** Records what a real tracer would put on the span. */
    private static final class Recorder implements VertxTracer<Object, Object> {
        final List<String> tags = new ArrayList<>();
        Throwable failure;

        @Override
        public <R> Object sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
                BiConsumer<String, String> headers, TagExtractor<R> tagExtractor) {
            for (int i = 0; i < tagExtractor.len(request); i++) {
                tags.add(tagExtractor.name(request, i) + "=" + tagExtractor.value(request, i));
            }
            return null;
        }

        @Override
        public <R> void receiveResponse(Context context, R response, Object payload, Throwable failure,
                TagExtractor<R> tagExtractor) {
            this.failure = failure;
        }

        @Override
        public <R> Object receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request,
                String operation, Iterable<Map.Entry<String, String>> headers, TagExtractor<R> tagExtractor) {
            return null;
        }
    }
}
