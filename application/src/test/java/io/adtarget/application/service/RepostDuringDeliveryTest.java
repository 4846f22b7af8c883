package io.adtarget.application.service;

import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.port.in.RecordConversionResult;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryRequest;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.vertx.core.Promise;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #15's race: a client re-post that meets a delivery in progress (the retry worker's lease)
 * used to revise the row and answer {@code pending} at once; the worker then stored Meta's answer for
 * the <b>old</b> details onto the revision, which ended {@code sent} although its value never reached
 * Meta, and every later re-post was {@code deduplicated}. Semantics §2–3: the re-post waits for the
 * delivery's outcome, and a revision is never marked sent by a delivery of an older version.
 */
class RepostDuringDeliveryTest {
    final ConversionWorld world = new ConversionWorld();

    /**
     * A lead recorded at 10.00 whose first attempt failed (Meta's 500 {"error":{"code":2}}), now being
     * re-sent by the retry worker; Meta answers that attempt with {@code workerAnswer} while the
     * re-post waits (the first time the re-post waits for anything).
     */
    Promise<DeliveryOutcome> workerDeliveryInProgress(DeliveryOutcome workerAnswer) {
        world.provision(Fixtures.site(world.now()));
        world.gateway.thenFail(DeliveryError.of(DeliveryErrorCode.META_UNAVAILABLE, "Meta: code 2", 2, "t1"));
        assertThat(conversionOf(value(world.recorder.record(lead("10.00")))).status())
                .isEqualTo(ConversionStatus.FAILED);
        world.clock.advance(Duration.ofMinutes(1));
        Promise<DeliveryOutcome> workerAttempt = world.gateway.thenHold();
        world.worker.retryDue();
        assertThat(world.gateway.calls()).isEqualTo(2);
        world.timers.whileWaiting(() -> {
            if (!workerAttempt.future().isComplete()) {
                workerAttempt.complete(workerAnswer);
            }
        });
        return workerAttempt;
    }

    @Test
    void a_repost_during_the_workers_delivery_waits_and_is_deduplicated_when_that_delivery_is_accepted() {
        Promise<DeliveryOutcome> workerAttempt = workerDeliveryInProgress(new DeliveryOutcome.Accepted("fbtrace-w"));

        RecordConversionResult repost = value(world.recorder.record(lead("25.00")));

        assertThat(workerAttempt.future().isComplete()).as("the re-post waited for Meta's answer").isTrue();
        assertThat(repost).isInstanceOf(RecordConversionResult.Deduplicated.class);
        ConversionEvent stored = world.reload(conversionOf(repost));
        assertThat(stored.status()).isEqualTo(ConversionStatus.SENT);
        // What is stored as sent is what Meta received: the old value, never the unsent revision.
        assertThat(stored.details().value().amount()).isEqualByComparingTo("10.00");
        assertThat(sentAmounts()).containsExactly(new BigDecimal("10.00"), new BigDecimal("10.00"));
        // Every later re-post is deduplicated against what Meta really has.
        assertThat(value(world.recorder.record(lead("25.00")))).isInstanceOf(RecordConversionResult.Deduplicated.class);
        assertThat(world.gateway.calls()).isEqualTo(2);
    }

    @Test
    void a_repost_during_a_delivery_that_fails_is_revised_and_its_own_value_is_what_reaches_meta() {
        workerDeliveryInProgress(new DeliveryOutcome.Failed(
                DeliveryError.of(DeliveryErrorCode.META_UNAVAILABLE, "Meta: code 2", 2, "t2")));

        RecordConversionResult repost = value(world.recorder.record(lead("25.00")));

        assertThat(repost).isInstanceOf(RecordConversionResult.Updated.class);
        assertThat(conversionOf(repost).status()).isEqualTo(ConversionStatus.SENT);
        assertThat(conversionOf(repost).details().value().amount()).isEqualByComparingTo("25.00");
        assertThat(sentAmounts()).containsExactly(new BigDecimal("10.00"), new BigDecimal("10.00"),
                new BigDecimal("25.00"));
        assertThat(conversionOf(repost).attempts()).isEqualTo(3);
    }

    io.adtarget.application.port.in.RecordConversionCommand lead(String amount) {
        return ConversionWorld.lead(Fixtures.livePrincipal(), amount, null);
    }

    static ConversionEvent conversionOf(RecordConversionResult result) {
        if (result instanceof RecordConversionResult.Created created) {
            return created.conversion();
        }
        if (result instanceof RecordConversionResult.Updated updated) {
            return updated.conversion();
        }
        return ((RecordConversionResult.Deduplicated) result).conversion();
    }

    List<BigDecimal> sentAmounts() {
        return world.gateway.requests().stream()
                .map(DeliveryRequest::conversion)
                .map(c -> c.details().value().amount().stripTrailingZeros().setScale(2))
                .toList();
    }
}
