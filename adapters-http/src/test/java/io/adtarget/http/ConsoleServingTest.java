package io.adtarget.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.http.console.ConsoleRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console is served by the service itself, from the classpath, under a strict Content-Security-Policy. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleServingTest {
    TestApi api;

    @BeforeAll
    void start(Vertx vertx) {
        api = TestApi.start(vertx);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console", "/console/", "/console/index.html", "/console/app.js", "/console/api.js", "/console/forms.js", "/console/health.js", "/console/setup.js", "/console/console.css"})
    void every_console_file_is_served_with_the_strict_security_headers(String path) {
        HttpResponse<Buffer> response = api.request(HttpMethod.GET, path).send().await();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(ConsoleRoutes.CONTENT_SECURITY_POLICY);
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void the_page_loads_its_script_as_a_module_and_has_no_inline_script_or_style() {
        String html = api.request(HttpMethod.GET, "/console/").send().await().bodyAsString();

        assertThat(html).contains("<script type=\"module\" src=\"app.js\"></script>");
        assertThat(html.replace("<script type=\"module\" src=\"app.js\"></script>", "")).doesNotContain("<script");
        assertThat(html).doesNotContain("<style").doesNotContain("style=").doesNotMatch("(?s).*\\son[a-z]+=.*");
    }

    @Test
    void a_missing_console_file_is_a_404() {
        assertThat(api.request(HttpMethod.GET, "/console/nothing.js").send().await().statusCode()).isEqualTo(404);
    }
}
