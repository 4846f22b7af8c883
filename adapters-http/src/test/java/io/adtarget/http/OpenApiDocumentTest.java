package io.adtarget.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.adtarget.http.ops.OperationsHandlers;
import io.adtarget.http.problem.ProblemType;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {
    static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    TestApi api;
    JsonNode document;

    @BeforeAll
    void start(Vertx vertx) throws IOException {
        api = TestApi.start(vertx);
        document = new YAMLMapper().readTree(OperationsHandlers.openApiBytes());
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void documents_exactly_the_routes_the_router_serves() {
        Set<String> served = new TreeSet<>();
        for (Route route : api.router.getRoutes()) {
            if (route.getPath() != null && route.methods() != null && !route.getPath().startsWith("/console")) { // the console is a web page, not API
                String path = route.getPath().replaceAll(":([A-Za-z]+)", "{$1}");
                // HEAD rides along with every GET (the document says so once, in its description).
                route.methods().stream().filter(m -> m != io.vertx.core.http.HttpMethod.HEAD)
                        .forEach(m -> served.add(m.name() + " " + path));
            }
        }
        Set<String> documented = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(m -> {
            if (HTTP_METHODS.contains(m)) {
                documented.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));

        assertThat(served).hasSize(36); // 17 + the 8 of the console (#18) + the 11 of Telegram attribution (#14)
        assertThat(documented).isEqualTo(served);
    }

    @Test
    void is_openapi_3_1_and_lists_every_problem_code() {
        assertThat(document.get("openapi").asText()).startsWith("3.1");
        Set<String> codes = new TreeSet<>();
        document.at("/components/schemas/Problem/properties/code/enum").forEach(code -> codes.add(code.asText()));

        assertThat(codes).isEqualTo(Arrays.stream(ProblemType.values()).map(ProblemType::code)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void every_reference_in_the_document_resolves() {
        Set<String> unresolved = new TreeSet<>();
        collectRefs(document, unresolved);

        assertThat(unresolved).isEmpty();
    }

    @Test
    void serves_the_document_as_yaml() {
        HttpResponse<Buffer> response = api.get("/openapi.yaml", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/yaml");
        assertThat(response.body().getBytes()).isEqualTo(OperationsHandlers.openApiBytes());
    }

    private void collectRefs(JsonNode node, Set<String> unresolved) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && document.at(ref.asText().substring(1)).isMissingNode()) {
                unresolved.add(ref.asText());
            }
            node.elements().forEachRemaining(child -> collectRefs(child, unresolved));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectRefs(child, unresolved));
        }
    }
}
