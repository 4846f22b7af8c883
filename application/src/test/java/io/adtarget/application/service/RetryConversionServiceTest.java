package io.adtarget.application.service;

import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.port.in.RetryConversionUseCase.RetryResult;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** "Retry now" of the console: a failed conversion is sent once more, at once, and only once. */
class RetryConversionServiceTest {
    final ConversionWorld world = new ConversionWorld();
    final Site site = world.provision(Fixtures.site(world.now()));
    final RetryConversionService retry = new RetryConversionService(world.repository, world.sites, world.delivery,
            world.clock, world.settings);

    ConversionEvent failedForGood() {
        world.gateway.thenFail(DeliveryError.of(DeliveryErrorCode.META_REJECTED, "Meta answered HTTP 400", 100, "t"));
        ConversionEvent failed = value(world.delivery.deliver(world.stored(Fixtures.pending(world.now())), site));
        assertThat(failed.status()).isEqualTo(ConversionStatus.FAILED);
        return failed;
    }

    @Test
    void a_failed_conversion_is_sent_at_once_and_reported_sent() {
        ConversionEvent failed = failedForGood();
        RetryResult result = value(retry.retryNow(failed.id()));
        assertThat(result).isInstanceOfSatisfying(RetryResult.Retried.class,
                retried -> assertThat(retried.conversion().status()).isEqualTo(ConversionStatus.SENT));
        assertThat(world.gateway.calls()).isEqualTo(2);
    }

    @Test
    void a_second_retry_of_a_sent_conversion_sends_nothing_and_says_why() {
        ConversionEvent failed = failedForGood();
        value(retry.retryNow(failed.id()));
        RetryResult again = value(retry.retryNow(failed.id()));
        assertThat(again).isInstanceOf(RetryResult.NotRetryable.class);
        assertThat(world.gateway.calls()).isEqualTo(2);
    }

    @Test
    void two_retries_at_once_make_one_call_to_meta() {
        ConversionEvent failed = failedForGood();
        Promise<DeliveryOutcome> meta = world.gateway.thenHold();
        Future<RetryResult> first = retry.retryNow(failed.id());
        RetryResult second = value(retry.retryNow(failed.id()));
        meta.complete(new DeliveryOutcome.Accepted("trace-retry"));

        assertThat(second).isInstanceOf(RetryResult.AlreadyQueued.class);
        assertThat(value(first)).isInstanceOf(RetryResult.Retried.class);
        assertThat(world.gateway.calls()).isEqualTo(2);
        assertThat(world.reload(failed).status()).isEqualTo(ConversionStatus.SENT);
    }

    @Test
    void a_conversion_that_fails_again_stays_failed_with_the_new_error() {
        ConversionEvent failed = failedForGood();
        world.gateway.thenFail(DeliveryError.of(DeliveryErrorCode.META_AUTH, "Meta answered HTTP 401", 190, "t2"));
        RetryResult result = value(retry.retryNow(failed.id()));
        assertThat(result).isInstanceOfSatisfying(RetryResult.Retried.class, retried -> {
            assertThat(retried.conversion().status()).isEqualTo(ConversionStatus.FAILED);
            assertThat(retried.conversion().lastError().code()).isEqualTo(DeliveryErrorCode.META_AUTH);
            assertThat(retried.conversion().attempts()).isEqualTo(2);
        });
    }

    @Test
    void an_event_older_than_meta_accepts_is_not_retried() {
        ConversionEvent failed = failedForGood();
        world.clock.advance(Duration.ofDays(8));
        assertThat(value(retry.retryNow(failed.id()))).isInstanceOfSatisfying(RetryResult.NotRetryable.class,
                refused -> assertThat(refused.reason()).contains("older than Meta accepts"));
        assertThat(world.gateway.calls()).isEqualTo(1);
    }

    @Test
    void an_unknown_conversion_is_not_found() {
        assertThat(value(retry.retryNow(new ConversionId(UUID.randomUUID())))).isInstanceOf(RetryResult.NotFound.class);
    }
}
