package io.adtarget.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiDisabledTest {
    TestApi api;

    @BeforeAll
    void start(Vertx vertx) {
        api = TestApi.start(vertx, "");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void without_a_configured_admin_token_every_admin_request_gets_401() {
        Problems.assertProblem(api.send(HttpMethod.POST, "/admin/v1/accounts", "", "{\"name\": \"A\"}"), 401,
                "unauthorized");
        Problems.assertProblem(api.send(HttpMethod.POST, "/admin/v1/accounts", "anything", "{\"name\": \"A\"}"), 401,
                "unauthorized");
        Problems.assertProblem(api.request(HttpMethod.POST, "/admin/v1/accounts").putHeader("Authorization", "Bearer ")
                .send().await(), 401, "unauthorized");

        assertThat(api.administration.invocations.get()).isZero();
    }
}
