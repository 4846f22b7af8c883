package io.adtarget.meta;

import static io.adtarget.meta.TestConversions.CONNECTION;
import static io.adtarget.meta.TestConversions.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryRequest;
import io.adtarget.domain.conversion.ConversionDetails;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.Sha256;
import io.adtarget.domain.site.TestEventCode;
import io.adtarget.domain.userdata.ActionSource;
import io.adtarget.domain.userdata.HashedField;
import io.adtarget.domain.userdata.MatchData;
import io.adtarget.domain.userdata.UserData;
import io.adtarget.domain.userdata.UserDataInput;
import io.adtarget.domain.userdata.UserDataNormaliser;
import io.adtarget.domain.userdata.UserDataResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DryRunConversionsGatewayTest {
    private final List<MetaAttempt> attempts = new ArrayList<>();
    private final DryRunConversionsGateway gateway = new DryRunConversionsGateway(attempts::add);

    @Test
    void accepts_every_event_at_once_with_a_synthetic_dry_run_trace_id() {
        DeliveryRequest request = new DeliveryRequest(TestConversions.purchase(), CONNECTION, null);

        DeliveryOutcome first = gateway.send(request).result();
        DeliveryOutcome second = gateway.send(request).result();

        assertThat(first).isInstanceOfSatisfying(DeliveryOutcome.Accepted.class,
                accepted -> assertThat(accepted.fbtraceId()).matches("^dry-run-[0-9a-f]{16}$"));
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void logs_the_payload_it_would_have_sent_with_the_token_redacted() {
        try (LogCapture logs = LogCapture.attach()) {
            gateway.send(new DeliveryRequest(TestConversions.purchase(), CONNECTION, new TestEventCode("TEST12345")));

            assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                    .contains("dry-run: would POST /" + TestConversions.PIXEL + "/events?access_token=<redacted>")
                    .contains("\"event_id\":\"" + TestConversions.CONVERSION_ID + "\"")
                    .contains("\"test_event_code\":\"TEST12345\""));
            assertThat(logs.lines()).noneMatch(line -> line.contains(TOKEN));
        }
    }

    @Test
    void logs_user_data_keys_but_not_the_raw_ip_user_agent_or_click_ids() {
        UserDataInput input = new UserDataInput(Map.of(HashedField.EMAIL, "ann@example.com"), "203.0.113.9",
                "Mozilla/5.0 (Secret)", "fb.1.1554763741205.ClickSecret", "fb.1.1596403881668.1116446470", null);
        UserData data = ((UserDataResult.Accepted) UserDataNormaliser.normalise(input, TestConversions.EVENT_TIME))
                .userData();
        ConversionEvent conversion = TestConversions.conversion(KeyMode.LIVE, new EventType("Lead"), null,
                new ConversionDetails(null, TestConversions.EVENT_TIME, null, Map.of(),
                        new MatchData(data, ActionSource.CHAT, null)));
        try (LogCapture logs = LogCapture.attach()) {
            gateway.send(new DeliveryRequest(conversion, CONNECTION, null));

            assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                    .contains("\"client_ip_address\":\"<redacted>\"", "\"fbc\":\"<redacted>\"",
                            Sha256.hex("ann@example.com")));
            assertThat(logs.lines()).noneMatch(line -> line.contains("203.0.113.9") || line.contains("Secret")
                    || line.contains("1116446470") || line.contains("ann@example.com"));
        }
    }

    @Test
    void reports_each_attempt_as_sent_to_the_listener() {
        DeliveryOutcome outcome = gateway.send(new DeliveryRequest(TestConversions.purchase(), CONNECTION, null))
                .result();

        assertThat(attempts).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo("sent");
            assertThat(attempt.fbtraceId()).isEqualTo(((DeliveryOutcome.Accepted) outcome).fbtraceId());
        });
    }
}
