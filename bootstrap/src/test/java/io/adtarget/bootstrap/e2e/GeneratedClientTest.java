package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.adtarget.client.ApiClient;
import io.adtarget.client.ApiException;
import io.adtarget.client.ApiResponse;
import io.adtarget.client.api.AdminApi;
import io.adtarget.client.api.ConversionsApi;
import io.adtarget.client.model.Account;
import io.adtarget.client.model.AccountCreate;
import io.adtarget.client.model.ApiKeyCreate;
import io.adtarget.client.model.ChannelAttach;
import io.adtarget.client.model.Conversion;
import io.adtarget.client.model.UserData;
import io.adtarget.client.model.ConversionList;
import io.adtarget.client.model.ConversionRequest;
import io.adtarget.client.model.ConversionRequestChannelId;
import io.adtarget.client.model.ConversionStatus;
import io.adtarget.client.model.IssuedApiKey;
import io.adtarget.client.model.Site;
import io.adtarget.client.model.SiteCreate;
import io.adtarget.client.model.SiteCreateMetaPixelId;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java client that openapi-generator makes from openapi.yaml (at generate-test-sources, as a
 * user would) provisions a tenant and records a conversion against the running service: the
 * document is good enough to build a working client from.
 */
class GeneratedClientTest {
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static ApiClient client(String bearer) {
        ApiClient client = new ApiClient();
        client.setHost("127.0.0.1");
        client.setPort(service.port());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer));
        return client;
    }

    @Test
    void a_generated_client_provisions_a_tenant_and_records_a_purchase_exactly_once() throws ApiException {
        AdminApi admin = new AdminApi(client(RunningService.ADMIN_TOKEN));
        Account account = admin.createAccount(AdminApi.APICreateAccountRequest.newBuilder()
                .accountCreate(new AccountCreate().name("Generated")).build());
        IssuedApiKey key = admin.issueApiKey(account.getId(), new ApiKeyCreate().name("k").mode(ApiKeyCreate.ModeEnum.LIVE));
        Site site = admin.createSite(AdminApi.APICreateSiteRequest.newBuilder().accountId(account.getId())
                .siteCreate(new SiteCreate().name("Shop").metaPixelId(new SiteCreateMetaPixelId("123456789012345"))
                        .metaAccessToken("EAAgenerated")).build());
        admin.attachChannel(AdminApi.APIAttachChannelRequest.newBuilder().siteId(site.getId())
                .channelAttach(new ChannelAttach().channelId(new ConversionRequestChannelId("-1001234567890"))).build());

        ConversionsApi conversions = new ConversionsApi(client(key.getKey()));
        ConversionRequest purchase = new ConversionRequest().telegramUserId(1234567890123L)
                .channelId(new ConversionRequestChannelId("-1001234567890")).eventType("Purchase")
                .value(new BigDecimal("49.00")).currency("usd")
                .userData(new UserData().email("Ada@Example.com").fbp("fb.1.1700000000000.123456789"));
        // request objects, not positional parameters: a new optional header in the document changes no call here
        ConversionsApi.APIRecordConversionRequest record = ConversionsApi.APIRecordConversionRequest.newBuilder()
                .conversionRequest(purchase).idempotencyKey("generated-1")
                .traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").build();
        ApiResponse<Conversion> first = conversions.recordConversionWithHttpInfo(record);
        ApiResponse<Conversion> replay = conversions.recordConversionWithHttpInfo(record);
        ConversionList listed = conversions.listConversions(ConversionsApi.APIListConversionsRequest.newBuilder()
                .telegramUserId(1234567890123L).limit(10).build());

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(first.getData().getStatus()).isEqualTo(ConversionStatus.SENT);
        assertThat(first.getData().getTelegramUserId()).isEqualTo(1234567890123L);
        assertThat(first.getData().getCurrency()).isEqualTo("USD");
        assertThat(replay.getStatusCode()).isEqualTo(201);
        assertThat(replay.getHeaders().get("x-idempotent-replay")).containsExactly("true");
        assertThat(replay.getData().getConversionId()).isEqualTo(first.getData().getConversionId());
        assertThat(listed.getItems()).extracting(Conversion::getConversionId).containsExactly(first.getData().getConversionId());
        assertThat(first.getData().getUserDataFields()).extracting(Object::toString).containsExactlyInAnyOrder("em", "fbp");
        assertThat(listed.getCoverage()).singleElement().satisfies(coverage -> {
            assertThat(coverage.getSiteId()).isEqualTo(site.getId());
            assertThat(coverage.getConversions()).isEqualTo(1);
            assertThat(coverage.getFbp()).isEqualByComparingTo("1");
            assertThat(coverage.getEmailOrPhone()).isEqualByComparingTo("1");
            assertThat(coverage.getFbc()).isEqualByComparingTo("0");
        });
        assertThat(service.meta().requests()).hasSize(1);
    }

    @Test
    void a_refused_request_reaches_the_generated_client_as_an_api_exception_with_the_problem() {
        ConversionsApi anonymous = new ConversionsApi(client("atk_live_unknown"));

        ApiException refused = catchThrowableOfType(ApiException.class, () -> anonymous.recordConversion(
                ConversionsApi.APIRecordConversionRequest.newBuilder().conversionRequest(new ConversionRequest()
                        .telegramUserId(1L).channelId(new ConversionRequestChannelId("-100")).eventType("Lead"))
                        .build()));

        assertThat(refused.getCode()).isEqualTo(401);
        assertThat(refused.getResponseBody()).contains("\"code\":\"unauthorized\"");
    }
}
