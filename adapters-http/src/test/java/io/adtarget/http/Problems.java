package io.adtarget.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/** Assertions on RFC 9457 problem responses. */
final class Problems {
    private Problems() {
    }

    /** Asserts status, content type, the documented members and the request id matching the header. */
    static JsonObject assertProblem(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).as("status of %s", response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("type")).isEqualTo("/problems/" + code);
        assertThat(body.getString("code")).isEqualTo(code);
        assertThat(body.getInteger("status")).isEqualTo(status);
        assertThat(body.getString("title")).isNotBlank();
        assertThat(body.getString("detail")).isNotBlank();
        assertThat(body.getString("requestId")).isNotBlank().isEqualTo(response.getHeader("X-Request-Id"));
        assertThat(body.containsKey("errors")).isEqualTo(code.equals("validation-failed"));
        return body;
    }
}
