package io.adtarget.application.service;

import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.fake.InMemoryConversionRepository;
import io.adtarget.application.fake.InMemoryDeliveryAttempts;
import io.adtarget.application.fake.MutableClock;
import io.adtarget.application.fake.RecordingTelemetry;
import io.adtarget.application.fake.ScriptedConversionsGateway;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.application.port.out.DeliveryAttemptLog;
import io.adtarget.application.port.out.PixelThrottles;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.DeliveryAttempt;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.adtarget.domain.site.Site;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every call to Meta leaves one attempt record; the record can never hold the delivery up. */
class DeliveryAttemptRecordingTest {
    final MutableClock clock = new MutableClock();
    final InMemoryConversionRepository repository = new InMemoryConversionRepository();
    final ScriptedConversionsGateway gateway = new ScriptedConversionsGateway();
    final Site site = Fixtures.site(clock.instant());

    DeliverConversionService delivery(DeliveryAttemptLog log) {
        return new DeliverConversionService(repository, gateway, clock, new SplittableRandom(1),
                ConversionSettings.defaults(), new RecordingTelemetry(), PixelThrottles.NONE, log);
    }

    ConversionEvent stored() {
        return repository.seed(Fixtures.pending(clock.instant()).withVersion(1));
    }

    @Test
    void an_accepted_call_is_recorded_as_sent_with_its_attempt_number_status_and_trace_id() {
        InMemoryDeliveryAttempts log = new InMemoryDeliveryAttempts();
        ConversionEvent conversion = stored();
        gateway.then(new DeliveryOutcome.Accepted("trace-ok", 200));

        value(delivery(log).deliver(conversion, site));

        assertThat(log.all()).singleElement().satisfies(attempt -> {
            assertThat(attempt.conversionId()).isEqualTo(conversion.id());
            assertThat(attempt.accountId()).isEqualTo(conversion.accountId());
            assertThat(attempt.siteId()).isEqualTo(conversion.siteId());
            assertThat(attempt.attemptNumber()).isEqualTo(1);
            assertThat(attempt.attemptedAt()).isEqualTo(clock.instant());
            assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.SENT);
            assertThat(attempt.httpStatus()).isEqualTo(200);
            assertThat(attempt.fbtraceId()).isEqualTo("trace-ok");
            assertThat(attempt.latencyMs()).isNotNegative();
        });
    }

    @Test
    void a_refused_call_is_recorded_with_metas_code_subcode_and_status() {
        InMemoryDeliveryAttempts log = new InMemoryDeliveryAttempts();
        DeliveryError refused = DeliveryError.of(DeliveryErrorCode.META_REJECTED, "Meta answered HTTP 400, code 100",
                100, "trace-bad");
        gateway.then(new DeliveryOutcome.Failed(refused, null, 400, 2804003));

        ConversionEvent failed = value(delivery(log).deliver(stored(), site));

        assertThat(failed.status()).isEqualTo(ConversionStatus.FAILED);
        assertThat(log.all()).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo("meta-rejected");
            assertThat(attempt.httpStatus()).isEqualTo(400);
            assertThat(attempt.metaCode()).isEqualTo(100);
            assertThat(attempt.metaSubcode()).isEqualTo(2804003);
            assertThat(attempt.fbtraceId()).isEqualTo("trace-bad");
        });
    }

    @Test
    void a_gateway_that_breaks_is_recorded_as_meta_unavailable_without_a_status() {
        InMemoryDeliveryAttempts log = new InMemoryDeliveryAttempts();
        gateway.thenThrow(new IllegalStateException("boom"));

        value(delivery(log).deliver(stored(), site));

        assertThat(log.all()).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo("meta-unavailable");
            assertThat(attempt.httpStatus()).isNull();
        });
    }

    @Test
    void an_attempt_log_that_throws_neither_fails_nor_changes_the_delivery() {
        ConversionEvent conversion = stored();
        DeliveryAttemptLog broken = attempt -> {
            throw new IllegalStateException("attempt log down");
        };

        ConversionEvent sent = value(delivery(broken).deliver(conversion, site));

        assertThat(sent.status()).isEqualTo(ConversionStatus.SENT);
        assertThat(value(repository.findById(conversion.id())).orElseThrow().status()).isEqualTo(ConversionStatus.SENT);
        assertThat(gateway.calls()).isEqualTo(1);
    }

    @Test
    void a_skipped_conversion_makes_no_call_and_records_no_attempt() {
        InMemoryDeliveryAttempts log = new InMemoryDeliveryAttempts();
        value(delivery(log).deliver(stored(), Fixtures.siteWithoutMeta(clock.instant())));
        assertThat(gateway.calls()).isZero();
        assertThat(log.all()).isEmpty();
    }

    @Test
    void a_trace_id_from_outside_is_bounded_and_stripped_of_control_characters() {
        DeliveryAttempt attempt = DeliveryAttempt.sent(stored(), clock.instant(), java.time.Duration.ZERO, 200,
                "ab\u0000c\nd\u202e" + "x".repeat(200));
        assertThat(attempt.fbtraceId()).startsWith("abcd").hasSize(DeliveryAttempt.MAX_TRACE_LENGTH)
                .matches("[A-Za-z0-9_\\-+/=.:]+");
    }
}
