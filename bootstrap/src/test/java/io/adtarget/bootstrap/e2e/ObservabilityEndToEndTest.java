package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.meta.testing.FakeGraphReply;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health endpoints and the Prometheus series that semantics.md §4 names, after real traffic. */
class ObservabilityEndToEndTest {
    private static RunningService service;
    private static Tenant tenant;

    @BeforeAll
    static void start() {
        service = RunningService.start();
        tenant = service.provision("live", true, null, "-1001234567890");
        service.postConversion(tenant.apiKey(), "metrics-1", tenant.purchase(501));
        service.postConversion(tenant.apiKey(), "metrics-1", tenant.purchase(501));
        service.postConversion(tenant.apiKey(), null, tenant.purchase(501));
        service.meta().enqueue(FakeGraphReply.metaError(400, 190, null, false, "Invalid OAuth access token"));
        service.postConversion(tenant.apiKey(), null, tenant.purchase(502));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void liveness_and_readiness_answer_up_with_each_dependency_listed() {
        HttpResponse<Buffer> live = service.request(HttpMethod.GET, "/health/live").send().await();
        HttpResponse<Buffer> ready = service.request(HttpMethod.GET, "/health/ready").send().await();

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.bodyAsJsonObject().getString("status")).isEqualTo("UP");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.bodyAsString()).contains("postgres").contains("redis");
    }

    @Test
    void metrics_expose_every_series_the_contract_names() {
        String metrics = service.request(HttpMethod.GET, "/metrics").send().await().bodyAsString();

        assertThat(metrics)
                .containsPattern("adtarget_http_requests_total\\{[^}]*route=\"/api/v1/events/conversion\"[^}]*status=\"201\"")
                .contains("adtarget_http_request_duration_seconds_bucket")
                .containsPattern("adtarget_idempotency_total\\{outcome=\"executed\"\\} [1-9]")
                .containsPattern("adtarget_idempotency_total\\{outcome=\"replayed\"\\} [1-9]")
                .contains("adtarget_idempotency_total{outcome=\"conflict\"}")
                .contains("adtarget_idempotency_total{outcome=\"mismatch\"}")
                .contains("adtarget_idempotency_total{outcome=\"rejected\"}")
                .containsPattern("adtarget_conversions_total\\{result=\"created\"\\} [1-9]")
                .containsPattern("adtarget_conversions_total\\{result=\"deduplicated\"\\} [1-9]")
                .contains("adtarget_conversions_total{result=\"updated\"}")
                .containsPattern("adtarget_conversion_status_total\\{status=\"sent\"\\} [1-9]")
                .containsPattern("adtarget_conversion_status_total\\{status=\"failed\"\\} [1-9]")
                .contains("adtarget_conversion_status_total{status=\"skipped\"}")
                .contains("adtarget_meta_requests_seconds_bucket")
                .containsPattern("adtarget_meta_errors_total\\{code=\"meta-auth\"\\} [1-9]")
                .contains("adtarget_retry_queue_depth")
                .contains("adtarget_idempotency_purged_total")
                .contains("jvm_memory_used_bytes")
                .containsPattern("vertx_pool_\\w+");
    }

    @Test
    void metric_labels_carry_route_templates_never_ids_or_keys() {
        String conversionId = service.postConversion(tenant.apiKey(), null, tenant.purchase(503))
                .bodyAsJsonObject().getString("conversionId");
        service.request(HttpMethod.GET, "/api/v1/events/conversion/" + conversionId)
                .putHeader("Authorization", "Bearer " + tenant.apiKey()).send().await();

        String metrics = service.request(HttpMethod.GET, "/metrics").send().await().bodyAsString();

        assertThat(metrics).contains("route=\"/api/v1/events/conversion/:conversionId\"")
                .doesNotContain(conversionId).doesNotContain(tenant.apiKey()).doesNotContain(tenant.accessToken());
    }

    @Test
    void the_openapi_document_is_served() {
        HttpResponse<Buffer> doc = service.request(HttpMethod.GET, "/openapi.yaml").send().await();

        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.bodyAsString()).startsWith("openapi: 3.1").contains("/api/v1/events/conversion");
    }
}
