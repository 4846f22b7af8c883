package io.adtarget.http.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adtarget.http.support.Json;
import io.adtarget.http.support.Responses;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Liveness, readiness and the OpenAPI document. */
public final class OperationsHandlers {
    static final String OPENAPI_RESOURCE = "openapi.yaml";

    private final OperationsEndpoints operations;
    private final Buffer openApi;

    public OperationsHandlers(OperationsEndpoints operations) {
        this.operations = operations;
        this.openApi = Buffer.buffer(openApiBytes());
    }

    public void live(RoutingContext ctx) {
        Responses.json(ctx, 200, Json.object().put("status", "UP"));
    }

    public void ready(RoutingContext ctx) {
        operations.readiness().onSuccess(report -> {
            ObjectNode body = Json.object().put("status", report.ready() ? "UP" : "DOWN");
            ArrayNode checks = body.putArray("checks");
            for (ReadinessCheck check : report.checks()) {
                ObjectNode entry = checks.addObject().put("name", check.name()).put("status", check.up() ? "UP" : "DOWN");
                if (check.detail() != null) {
                    entry.put("detail", check.detail());
                }
            }
            Responses.json(ctx, report.ready() ? 200 : 503, body);
        }).onFailure(ctx::fail);
    }

    public void openApi(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/yaml").end(openApi);
    }

    public static byte[] openApiBytes() {
        try (InputStream in = OperationsHandlers.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
