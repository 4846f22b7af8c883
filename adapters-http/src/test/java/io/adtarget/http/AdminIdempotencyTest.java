package io.adtarget.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin API's creates follow the public API's Idempotency-Key protocol (semantics §1). */
@ExtendWith(VertxExtension.class)
class AdminIdempotencyTest {
    private TestApi api;

    @BeforeEach
    void start(Vertx vertx) {
        api = TestApi.start(vertx);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<Buffer> post(String uri, String key, String json) {
        var request = api.request(HttpMethod.POST, uri).putHeader("Authorization", "Bearer " + TestApi.ADMIN_TOKEN)
                .putHeader("Content-Type", "application/json");
        if (key != null) {
            request.putHeader("Idempotency-Key", key);
        }
        return request.sendBuffer(Buffer.buffer(json)).await();
    }

    @Test
    void two_account_creates_with_one_key_create_one_account_and_the_second_is_a_replay() {
        HttpResponse<Buffer> first = post("/admin/v1/accounts", "acct-1", "{\"name\":\"Acme\"}");
        HttpResponse<Buffer> second = post("/admin/v1/accounts", "acct-1", "{\"name\":\"Acme\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.getHeader("X-Idempotent-Replay")).isNull();
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.getHeader("X-Idempotent-Replay")).isEqualTo("true");
        assertThat(second.body().getBytes()).isEqualTo(first.body().getBytes());
        assertThat(api.administration.accounts).hasSize(1);
    }

    @Test
    void without_a_key_each_create_creates() {
        post("/admin/v1/accounts", null, "{\"name\":\"Acme\"}");
        post("/admin/v1/accounts", null, "{\"name\":\"Acme\"}");

        assertThat(api.administration.accounts).hasSize(2);
    }

    @Test
    void one_key_on_two_different_paths_is_two_keys() {
        String account = post("/admin/v1/accounts", "same", "{\"name\":\"Acme\"}").bodyAsJsonObject().getString("id");
        HttpResponse<Buffer> site = post("/admin/v1/accounts/" + account + "/sites", "same", "{\"name\":\"Shop\"}");

        assertThat(site.statusCode()).isEqualTo(201);
        assertThat(site.getHeader("X-Idempotent-Replay")).isNull();
        assertThat(api.administration.sites).hasSize(1);
    }

    @Test
    void a_site_create_and_a_channel_attach_replay_with_one_key() {
        String account = post("/admin/v1/accounts", null, "{\"name\":\"Acme\"}").bodyAsJsonObject().getString("id");
        post("/admin/v1/accounts/" + account + "/sites", "site-1", "{\"name\":\"Shop\"}");
        HttpResponse<Buffer> again = post("/admin/v1/accounts/" + account + "/sites", "site-1", "{\"name\":\"Shop\"}");
        String site = again.bodyAsJsonObject().getString("id");
        post("/admin/v1/sites/" + site + "/channels", "chan-1", "{\"channelId\":\"-1001234567890\"}");
        HttpResponse<Buffer> attachedAgain = post("/admin/v1/sites/" + site + "/channels", "chan-1",
                "{\"channelId\":\"-1001234567890\"}");

        assertThat(again.getHeader("X-Idempotent-Replay")).isEqualTo("true");
        assertThat(api.administration.sites).hasSize(1);
        assertThat(attachedAgain.statusCode()).isEqualTo(201);
        assertThat(attachedAgain.getHeader("X-Idempotent-Replay")).isEqualTo("true");
    }

    @Test
    void an_invalid_key_on_an_admin_create_is_refused_and_creates_nothing() {
        HttpResponse<Buffer> refused = post("/admin/v1/accounts", "\"   \"", "{\"name\":\"Acme\"}");

        Problems.assertProblem(refused, 400, "invalid-idempotency-key");
        assertThat(api.administration.accounts).isEmpty();
    }
}
