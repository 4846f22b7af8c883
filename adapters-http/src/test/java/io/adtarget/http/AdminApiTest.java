package io.adtarget.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest {
    static final String TOKEN = "EAAB-very-secret-meta-token";
    static final String MISSING = "00000000-0000-4000-8000-000000000999";
    TestApi api;

    @BeforeAll
    void start(Vertx vertx) {
        api = TestApi.start(vertx);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    HttpResponse<Buffer> admin(HttpMethod method, String uri, String json) {
        return api.send(method, uri, TestApi.ADMIN_TOKEN, json);
    }

    String newAccount() {
        return admin(HttpMethod.POST, "/admin/v1/accounts", "{\"name\": \"Acme\"}").bodyAsJsonObject().getString("id");
    }

    String newSite(String accountId) {
        return admin(HttpMethod.POST, "/admin/v1/accounts/" + accountId + "/sites",
                "{\"name\": \"Shop\", \"metaPixelId\": \"123456789012345\", \"metaAccessToken\": \"" + TOKEN
                        + "\", \"testEventCode\": \"TEST1\"}").bodyAsJsonObject().getString("id");
    }

    @Test
    void creates_an_account_with_201_and_reads_it_back() {
        HttpResponse<Buffer> created = admin(HttpMethod.POST, "/admin/v1/accounts", "{\"name\": \"Acme\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject account = created.bodyAsJsonObject();
        assertThat(List.copyOf(account.fieldNames())).containsExactly("id", "name", "rateLimitPerSecond", "createdAt");
        assertThat(account.getValue("rateLimitPerSecond")).isNull();
        assertThat(account.getString("name")).isEqualTo("Acme");
        assertThat(account.getString("createdAt")).isEqualTo("2026-03-01T12:00:00.123Z");
        HttpResponse<Buffer> read = api.get("/admin/v1/accounts/" + account.getString("id"), TestApi.ADMIN_TOKEN);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.bodyAsJsonObject()).isEqualTo(account);
    }

    @Test
    void issues_an_api_key_whose_secret_is_shown_in_the_answer() {
        String accountId = newAccount();

        HttpResponse<Buffer> issued = admin(HttpMethod.POST, "/admin/v1/accounts/" + accountId + "/api-keys",
                "{\"name\": \"prod\", \"mode\": \"test\"}");

        assertThat(issued.statusCode()).isEqualTo(201);
        JsonObject key = issued.bodyAsJsonObject();
        assertThat(List.copyOf(key.fieldNames())).containsExactly("id", "name", "mode", "key", "prefix", "createdAt");
        assertThat(key.getString("mode")).isEqualTo("test");
        assertThat(key.getString("key")).matches("atk_test_[0-9A-Za-z]{40}");
        assertThat(key.getString("prefix")).isEqualTo(key.getString("key").substring(0, 12));
    }

    @Test
    void revokes_a_key_with_204_and_answers_404_for_unknown_or_malformed_ids() {
        String accountId = newAccount();
        String keyId = admin(HttpMethod.POST, "/admin/v1/accounts/" + accountId + "/api-keys",
                "{\"name\": \"prod\", \"mode\": \"live\"}").bodyAsJsonObject().getString("id");

        HttpResponse<Buffer> revoked = admin(HttpMethod.DELETE, "/admin/v1/api-keys/" + keyId, null);

        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(revoked.getHeader("X-Request-Id")).isNotBlank();
        Problems.assertProblem(admin(HttpMethod.DELETE, "/admin/v1/api-keys/" + keyId, null), 404, "not-found");
        Problems.assertProblem(admin(HttpMethod.DELETE, "/admin/v1/api-keys/nope", null), 404, "not-found");
    }

    @Test
    void creates_a_site_that_shows_whether_a_token_is_set_but_never_the_token() {
        String accountId = newAccount();

        HttpResponse<Buffer> created = admin(HttpMethod.POST, "/admin/v1/accounts/" + accountId + "/sites",
                "{\"name\": \"Shop\", \"metaPixelId\": 123456789012345, \"metaAccessToken\": \"" + TOKEN + "\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.bodyAsString()).doesNotContain(TOKEN);
        JsonObject site = created.bodyAsJsonObject();
        assertThat(List.copyOf(site.fieldNames())).containsExactly("id", "accountId", "name", "metaPixelId",
                "testEventCode", "enabled", "metaAccessTokenSet", "channels", "createdAt", "updatedAt");
        assertThat(site.getString("accountId")).isEqualTo(accountId);
        assertThat(site.getString("metaPixelId")).isEqualTo("123456789012345");
        assertThat(site.getValue("testEventCode")).isNull();
        assertThat(site.getBoolean("enabled")).isTrue();
        assertThat(site.getBoolean("metaAccessTokenSet")).isTrue();
        assertThat(site.getJsonArray("channels")).isEmpty();
        assertThat(api.get("/admin/v1/sites/" + site.getString("id"), TestApi.ADMIN_TOKEN).bodyAsJsonObject())
                .isEqualTo(site);
    }

    @Test
    void patches_a_site_where_null_clears_an_optional_field_and_absent_keeps_it() {
        String siteId = newSite(newAccount());

        HttpResponse<Buffer> patched = admin(HttpMethod.PATCH, "/admin/v1/sites/" + siteId,
                "{\"testEventCode\": null, \"metaAccessToken\": null, \"enabled\": false}");

        assertThat(patched.statusCode()).isEqualTo(200);
        JsonObject site = patched.bodyAsJsonObject();
        assertThat(site.getValue("testEventCode")).isNull();
        assertThat(site.getBoolean("metaAccessTokenSet")).isFalse();
        assertThat(site.getBoolean("enabled")).isFalse();
        assertThat(site.getString("metaPixelId")).isEqualTo("123456789012345");
        assertThat(site.getString("name")).isEqualTo("Shop");
    }

    @Test
    void refuses_to_clear_a_sites_name_and_never_echoes_a_bad_token() {
        String siteId = newSite(newAccount());
        String badToken = "secret with spaces";

        HttpResponse<Buffer> response = admin(HttpMethod.PATCH, "/admin/v1/sites/" + siteId,
                "{\"name\": null, \"metaAccessToken\": \"" + badToken + "\", \"metaPixelId\": \"12ab\"}");

        JsonObject problem = Problems.assertProblem(response, 400, "validation-failed");
        assertThat(problem.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
                .containsExactlyInAnyOrder("name", "metaAccessToken", "metaPixelId");
        assertThat(response.bodyAsString()).doesNotContain(badToken);
    }

    @Test
    void attaches_a_channel_with_201_and_answers_409_when_the_account_already_has_it() {
        String accountId = newAccount();
        String first = newSite(accountId);
        String second = newSite(accountId);

        HttpResponse<Buffer> attached = admin(HttpMethod.POST, "/admin/v1/sites/" + first + "/channels",
                "{\"channelId\": \"-1001234567890\"}");
        HttpResponse<Buffer> taken = admin(HttpMethod.POST, "/admin/v1/sites/" + second + "/channels",
                "{\"channelId\": -1001234567890}");

        assertThat(attached.statusCode()).isEqualTo(201);
        assertThat(attached.bodyAsJsonObject()).isEqualTo(new JsonObject().put("siteId", first)
                .put("channelId", "-1001234567890"));
        Problems.assertProblem(taken, 409, "conflict");
        assertThat(api.get("/admin/v1/sites/" + first, TestApi.ADMIN_TOKEN).bodyAsJsonObject()
                .getJsonArray("channels").getList()).containsExactly("-1001234567890");
    }

    @Test
    void detaches_a_channel_with_204_and_answers_404_when_it_is_not_attached() {
        String siteId = newSite(newAccount());
        admin(HttpMethod.POST, "/admin/v1/sites/" + siteId + "/channels", "{\"channelId\": \"-77\"}");

        HttpResponse<Buffer> detached = admin(HttpMethod.DELETE, "/admin/v1/sites/" + siteId + "/channels/-77", null);
        HttpResponse<Buffer> again = admin(HttpMethod.DELETE, "/admin/v1/sites/" + siteId + "/channels/-77", null);

        assertThat(detached.statusCode()).isEqualTo(204);
        Problems.assertProblem(again, 404, "not-found");
    }

    @Test
    void answers_404_for_unknown_accounts_and_sites() {
        Problems.assertProblem(api.get("/admin/v1/accounts/" + MISSING, TestApi.ADMIN_TOKEN), 404, "not-found");
        Problems.assertProblem(api.get("/admin/v1/sites/" + MISSING, TestApi.ADMIN_TOKEN), 404, "not-found");
        Problems.assertProblem(admin(HttpMethod.POST, "/admin/v1/accounts/" + MISSING + "/sites", "{\"name\": \"x\"}"),
                404, "not-found");
        Problems.assertProblem(admin(HttpMethod.POST, "/admin/v1/accounts/" + MISSING + "/api-keys",
                "{\"name\": \"x\", \"mode\": \"live\"}"), 404, "not-found");
        Problems.assertProblem(admin(HttpMethod.PATCH, "/admin/v1/sites/" + MISSING, "{}"), 404, "not-found");
        Problems.assertProblem(admin(HttpMethod.POST, "/admin/v1/sites/" + MISSING + "/channels",
                "{\"channelId\": \"1\"}"), 404, "not-found");
    }

    @Test
    void answers_400_for_invalid_admin_bodies() {
        String accountId = newAccount();
        Problems.assertProblem(admin(HttpMethod.POST, "/admin/v1/accounts", "{}"), 400, "validation-failed");
        Problems.assertProblem(admin(HttpMethod.POST, "/admin/v1/accounts", "{\"name\": \"a\\u0000b\"}"), 400,
                "validation-failed");
        Problems.assertProblem(admin(HttpMethod.POST, "/admin/v1/accounts", "{\"name\": \"   \"}"), 400,
                "validation-failed");
        Problems.assertProblem(admin(HttpMethod.POST, "/admin/v1/accounts/" + accountId + "/api-keys",
                "{\"name\": \"x\", \"mode\": \"prod\"}"), 400, "validation-failed");
        Problems.assertProblem(admin(HttpMethod.POST, "/admin/v1/accounts/" + accountId + "/sites",
                "{\"name\": \"x\", \"enabled\": \"yes\"}"), 400, "validation-failed");
    }

    @Test
    void refuses_a_missing_or_wrong_admin_token_and_any_api_key() {
        int invocationsBefore = api.administration.invocations.get();

        Problems.assertProblem(api.send(HttpMethod.POST, "/admin/v1/accounts", null, "{\"name\": \"A\"}"), 401,
                "unauthorized");
        Problems.assertProblem(api.send(HttpMethod.POST, "/admin/v1/accounts", TestApi.ADMIN_TOKEN + "x",
                "{\"name\": \"A\"}"), 401, "unauthorized");
        Problems.assertProblem(api.send(HttpMethod.POST, "/admin/v1/accounts", TestApi.LIVE_KEY,
                "{\"name\": \"A\"}"), 401, "unauthorized");
        Problems.assertProblem(api.get("/admin/v1/accounts/" + MISSING, TestApi.ADMIN_TOKEN.substring(1)), 401,
                "unauthorized");

        assertThat(api.administration.invocations.get()).isEqualTo(invocationsBefore);
    }
}
