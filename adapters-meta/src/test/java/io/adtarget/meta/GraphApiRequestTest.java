package io.adtarget.meta;

import static io.adtarget.meta.TestConversions.CONNECTION;
import static io.adtarget.meta.TestConversions.EVENT_TIME;
import static io.adtarget.meta.TestConversions.HASHED_USER;
import static io.adtarget.meta.TestConversions.PIXEL;
import static io.adtarget.meta.TestConversions.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryRequest;
import io.adtarget.domain.conversion.ClientEventId;
import io.adtarget.domain.conversion.ConversionDetails;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.Money;
import io.adtarget.domain.site.AccessToken;
import io.adtarget.domain.site.MetaConnection;
import io.adtarget.domain.site.MetaPixelId;
import io.adtarget.domain.site.TestEventCode;
import io.adtarget.meta.testing.FakeGraphApi;
import io.adtarget.meta.testing.ReceivedGraphRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class GraphApiRequestTest {
    private FakeGraphApi meta;
    private GraphApiConversionsGateway gateway;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        meta = FakeGraphApi.create(vertx).start().await(5, TimeUnit.SECONDS);
        gateway = new GraphApiConversionsGateway(vertx, MetaGatewaySettings.defaults().withGraphUrl(meta.url())
                .withTimeout(Duration.ofSeconds(5)), MetaAttemptListener.noOp());
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close().await(5, TimeUnit.SECONDS);
        meta.stop().await(5, TimeUnit.SECONDS);
    }

    @Test
    void sends_a_typical_purchase_as_exactly_the_documented_json() throws Exception {
        ReceivedGraphRequest received = deliver(new DeliveryRequest(TestConversions.purchase(), CONNECTION, null));

        assertThat(received.body()).isEqualTo("{\"data\":[{\"event_name\":\"Purchase\",\"event_time\":1764270253,"
                + "\"event_id\":\"0193a5d2-7c1e-7b3a-9f0e-2d4c1b8a6e51\",\"action_source\":\"chat\","
                + "\"user_data\":{\"external_id\":[\"" + HASHED_USER + "\"]},"
                + "\"custom_data\":{\"value\":49.99,\"currency\":\"USD\"}}],"
                + "\"partner_agent\":\"adtarget-conversions\"}");
    }

    @Test
    void puts_custom_data_first_and_lets_our_value_and_currency_win() throws Exception {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("content_type", "product");
        custom.put("contents", List.of(Map.of("id", "sku-1")));
        custom.put("value", 1);
        custom.put("vip", true);
        ConversionEvent conversion = TestConversions.conversion(KeyMode.LIVE, new EventType("Subscribe"),
                new ClientEventId("order-1001"), new ConversionDetails(new Money(new BigDecimal("10.00"),
                        Money.currency("EUR")), EVENT_TIME, "https://t.me/shop_bot?start=ad42", custom));

        ReceivedGraphRequest received = deliver(new DeliveryRequest(conversion, CONNECTION, null));

        assertThat(received.body()).isEqualTo("{\"data\":[{\"event_name\":\"Subscribe\",\"event_time\":1764270253,"
                + "\"event_id\":\"order-1001\",\"action_source\":\"chat\","
                + "\"event_source_url\":\"https://t.me/shop_bot?start=ad42\","
                + "\"user_data\":{\"external_id\":[\"" + HASHED_USER + "\"]},"
                + "\"custom_data\":{\"content_type\":\"product\",\"contents\":[{\"id\":\"sku-1\"}],\"vip\":true,"
                + "\"value\":10,\"currency\":\"EUR\"}}],"
                + "\"partner_agent\":\"adtarget-conversions\"}");
    }

    @Test
    void adds_the_test_event_code_for_a_test_key_conversion_and_omits_empty_custom_data() throws Exception {
        ConversionEvent conversion = TestConversions.conversion(KeyMode.TEST, new EventType("Lead"), null,
                new ConversionDetails(null, EVENT_TIME, null, Map.of()));

        ReceivedGraphRequest received = deliver(
                new DeliveryRequest(conversion, CONNECTION, new TestEventCode("TEST12345")));

        assertThat(received.body()).isEqualTo("{\"data\":[{\"event_name\":\"Lead\",\"event_time\":1764270253,"
                + "\"event_id\":\"0193a5d2-7c1e-7b3a-9f0e-2d4c1b8a6e51\",\"action_source\":\"chat\","
                + "\"user_data\":{\"external_id\":[\"" + HASHED_USER + "\"]}}],"
                + "\"test_event_code\":\"TEST12345\",\"partner_agent\":\"adtarget-conversions\"}");
    }

    @Test
    void posts_json_to_the_pixel_events_path_with_the_token_as_query_parameter() throws Exception {
        ReceivedGraphRequest received = deliver(new DeliveryRequest(TestConversions.purchase(), CONNECTION, null));

        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/v24.0/" + PIXEL + "/events");
        assertThat(received.query()).containsExactly(Map.entry("access_token", TOKEN));
        assertThat(received.contentType()).isEqualTo("application/json");
    }

    @Test
    void encodes_a_token_with_reserved_characters_so_it_arrives_intact() throws Exception {
        String token = "abc+/=&x?y#z%41";
        MetaConnection connection = new MetaConnection(new MetaPixelId(PIXEL), new AccessToken(token));

        ReceivedGraphRequest received = deliver(new DeliveryRequest(TestConversions.purchase(), connection, null));

        assertThat(received.accessToken()).isEqualTo(token);
    }

    @Test
    void hashes_the_telegram_user_id_as_lower_case_hex_sha256_of_its_decimal_form() {
        assertThat(new TelegramUserId(1234567890L).hashedExternalId()).isEqualTo(HASHED_USER);
        assertThat(MetaPayload.event(TestConversions.purchase()).getJsonObject("user_data")
                .getJsonArray("external_id").encode()).isEqualTo("[\"" + HASHED_USER + "\"]");
    }

    @Test
    void sends_the_same_event_id_on_every_redelivery() throws Exception {
        gateway.send(new DeliveryRequest(TestConversions.purchase(), CONNECTION, null)).await(5, TimeUnit.SECONDS);
        gateway.send(new DeliveryRequest(TestConversions.purchase(), CONNECTION, null)).await(5, TimeUnit.SECONDS);

        assertThat(meta.acceptedCount(TestConversions.CONVERSION_ID)).isEqualTo(2);
    }

    @Test
    void fails_the_call_without_sending_when_custom_data_cannot_be_encoded_as_json() throws Exception {
        ConversionEvent conversion = TestConversions.conversion(KeyMode.LIVE, EventType.PURCHASE, null,
                new ConversionDetails(TestConversions.usd("1"), EVENT_TIME, null, Map.of("bad", new Object())));

        Throwable failure = gateway.send(new DeliveryRequest(conversion, CONNECTION, null))
                .transform(result -> Future.succeededFuture(result.cause())).await(5, TimeUnit.SECONDS);

        assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be encoded");
        assertThat(meta.requests()).isEmpty();
    }

    private ReceivedGraphRequest deliver(DeliveryRequest request) throws Exception {
        DeliveryOutcome outcome = gateway.send(request).await(5, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Accepted.class);
        assertThat(meta.requests()).hasSize(1);
        return meta.requests().get(0);
    }
}
