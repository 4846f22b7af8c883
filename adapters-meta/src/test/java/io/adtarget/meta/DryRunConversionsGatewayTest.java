package io.adtarget.meta;

import static io.adtarget.meta.TestConversions.CONNECTION;
import static io.adtarget.meta.TestConversions.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryRequest;
import io.adtarget.domain.site.TestEventCode;
import java.util.ArrayList;
import java.util.List;
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
    void reports_each_attempt_as_sent_to_the_listener() {
        DeliveryOutcome outcome = gateway.send(new DeliveryRequest(TestConversions.purchase(), CONNECTION, null))
                .result();

        assertThat(attempts).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo("sent");
            assertThat(attempt.fbtraceId()).isEqualTo(((DeliveryOutcome.Accepted) outcome).fbtraceId());
        });
    }
}
