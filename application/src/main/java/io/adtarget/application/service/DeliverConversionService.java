package io.adtarget.application.service;

import io.adtarget.application.port.out.DeliveryOutcomes;
import io.adtarget.application.port.out.ConversionsGateway;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryRequest;
import io.adtarget.application.port.out.DeliveryAttemptLog;
import io.adtarget.application.port.out.OutcomeCompletion;
import io.adtarget.application.port.out.PixelThrottles;
import io.adtarget.application.port.out.Telemetry;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.adtarget.domain.conversion.RetryPolicy;
import io.adtarget.domain.conversion.SkipReason;
import io.adtarget.domain.site.DeliveryTarget;
import io.adtarget.domain.site.MetaPixelId;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * One delivery of a conversion (semantics §3): skip rules, a claim committed before Meta is
 * called, the outcome stored with optimistic locking. Whoever loses a race gets the stored state.
 */
public final class DeliverConversionService implements ConversionDelivery {
    private final DeliveryOutcomes repository;
    private final ConversionsGateway gateway;
    private final Clock clock;
    private final RandomGenerator random;
    private final ConversionSettings settings;
    private final Telemetry telemetry;
    private final PixelThrottles throttles;
    private final AttemptRecorder attempts;

    public DeliverConversionService(DeliveryOutcomes repository, ConversionsGateway gateway, Clock clock,
            RandomGenerator random, ConversionSettings settings, Telemetry telemetry) {
        this(repository, gateway, clock, random, settings, telemetry, PixelThrottles.NONE);
    }

    public DeliverConversionService(DeliveryOutcomes repository, ConversionsGateway gateway, Clock clock,
            RandomGenerator random, ConversionSettings settings, Telemetry telemetry, PixelThrottles throttles) {
        this(repository, gateway, clock, random, settings, telemetry, throttles, DeliveryAttemptLog.NONE);
    }

    public DeliverConversionService(DeliveryOutcomes repository, ConversionsGateway gateway, Clock clock,
            RandomGenerator random, ConversionSettings settings, Telemetry telemetry, PixelThrottles throttles,
            DeliveryAttemptLog attemptLog) {
        this.attempts = new AttemptRecorder(attemptLog);
        this.throttles = Objects.requireNonNull(throttles, "throttles");
        this.repository = repository;
        this.gateway = gateway;
        this.clock = clock;
        this.random = random;
        this.settings = settings;
        this.telemetry = telemetry;
    }

    @Override
    public Future<ConversionEvent> deliver(ConversionEvent conversion, Site site) {
        Instant now = Now.of(clock);
        if (conversion.status() == ConversionStatus.SENT || conversion.leaseActive(now)) {
            return Future.succeededFuture(conversion);
        }
        DeliveryTarget target = site.deliveryTarget(conversion.keyMode());
        if (target instanceof DeliveryTarget.Skip skip) {
            return skip(conversion, skip.reason(), now);
        }
        return repository.save(conversion.claimForDelivery(now, settings.deliveryLease()), conversion.version())
                .compose(won -> won.isPresent() ? deliverClaimed(won.get(), site) : current(conversion));
    }

    /** The error a held conversion shows: Meta's own throttling answer when it had one, else why it waits. */
    static DeliveryError heldError(ConversionEvent conversion) {
        DeliveryError last = conversion.lastError();
        return last != null && last.code() == DeliveryErrorCode.META_RATE_LIMITED
                ? last
                : DeliveryError.of(DeliveryErrorCode.META_RATE_LIMITED,
                        "not sent: Meta is throttling this pixel, delivery waits for the pause to end");
    }

    @Override
    public Future<ConversionEvent> deliverClaimed(ConversionEvent claimed, Site site) {
        DeliveryTarget target = site.deliveryTarget(claimed.keyMode());
        if (target instanceof DeliveryTarget.Skip skip) {
            Instant now = Now.of(clock);
            return storeClaimOutcome(claimed, base -> base.markSkipped(skip.reason(), now), null);
        }
        return deliverClaimed(claimed, (DeliveryTarget.Deliver) target, site);
    }

    @Override
    public Future<ConversionEvent> deliverClaimed(ConversionEvent claimed, DeliveryTarget.Deliver deliver, Site site) {
        return deliverClaimed(claimed, deliver, site, null);
    }

    @Override
    public Future<ConversionEvent> deliverClaimed(ConversionEvent claimed, DeliveryTarget.Deliver deliver, Site site,
            OutcomeCompletion completion) {
        if (claimed.leaseUntil().minus(settings.leaseNeededToSend()).isBefore(Now.of(clock))) {
            // Too little of our lease is left to wait a whole Meta call and then store its answer: once it
            // runs out another sender may start. Leave the claim to lapse; the retry worker sends it then,
            // under the same event_id.
            return Future.succeededFuture(claimed);
        }
        MetaPixelId pixel = deliver.connection().pixelId();
        return throttles.pausedUntil(pixel, Now.of(clock)).compose(paused -> paused.isPresent()
                // Meta throttles the pixel: no call now, the conversion waits for the pause to end.
                ? storeClaimOutcome(claimed, base -> base.releaseClaimAndHold(heldError(base), paused.get(),
                        Now.of(clock)), completion)
                : sendClaimed(claimed, deliver, completion));
    }

    private Future<ConversionEvent> sendClaimed(ConversionEvent claimed, DeliveryTarget.Deliver deliver,
            OutcomeCompletion completion) {
        DeliveryRequest request = new DeliveryRequest(claimed, deliver.connection(), deliver.testEventCode());
        return send(request).compose(outcome -> storeClaimOutcome(claimed, transitionFor(outcome, Now.of(clock)),
                        completion)
                .compose(stored -> pauseIfThrottled(stored, deliver.connection().pixelId())));
    }

    /**
     * A throttled answer pauses the whole pixel until this conversion's next attempt (at least
     * Meta's floor): its other conversions wait instead of each being refused on its own. The
     * pause is best effort; the outcome is stored already.
     */
    private Future<ConversionEvent> pauseIfThrottled(ConversionEvent stored, MetaPixelId pixel) {
        DeliveryError error = stored.lastError();
        if (stored.status() != ConversionStatus.FAILED || error == null
                || error.code() != DeliveryErrorCode.META_RATE_LIMITED || stored.nextAttemptAt() == null) {
            return Future.succeededFuture(stored);
        }
        return throttles.pause(pixel, stored.nextAttemptAt()).transform(paused -> Future.succeededFuture(stored));
    }

    private Future<DeliveryOutcome> send(DeliveryRequest request) {
        Instant startedAt = Now.of(clock);
        long started = System.nanoTime();
        Future<DeliveryOutcome> sent;
        try {
            sent = gateway.send(request);
        } catch (RuntimeException e) {
            sent = Future.failedFuture(e);
        }
        // The gateway's own failure text may carry a URL or token: store a fixed message instead.
        return sent.otherwise(failure -> (DeliveryOutcome) new DeliveryOutcome.Failed(
                DeliveryError.of(DeliveryErrorCode.META_UNAVAILABLE, "Meta could not be reached")))
                // fire and forget: the attempt log never delays or fails the delivery
                .onSuccess(outcome -> attempts.record(request.conversion(), startedAt,
                        Duration.ofNanos(System.nanoTime() - started), outcome));
    }

    private UnaryOperator<ConversionEvent> transitionFor(DeliveryOutcome outcome, Instant now) {
        if (outcome instanceof DeliveryOutcome.Accepted accepted) {
            return base -> base.markSent(accepted.fbtraceId(), now);
        }
        DeliveryOutcome.Failed failed = (DeliveryOutcome.Failed) outcome;
        DeliveryError error = failed.error();
        Duration floor = failed.retryAfter() == null ? Duration.ZERO : failed.retryAfter();
        return base -> {
            RetryPolicy.Failure failure = settings.retryPolicy().afterFailedAttempt(base, error, now, random, floor);
            return base.markFailed(failure.error(), failure.nextAttemptAt(), now);
        };
    }

    private Future<ConversionEvent> skip(ConversionEvent conversion, SkipReason reason, Instant now) {
        return repository.save(conversion.markSkipped(reason, now), conversion.version())
                .compose(saved -> saved.isPresent() ? reported(saved.get()) : current(conversion));
    }

    /**
     * Stores the outcome of a delivery we claimed. A concurrent revision (a client re-post) keeps
     * our claim but bumps the version: the outcome is then applied to the revised row, because
     * Meta's answer must not be lost (a lost SENT would be sent again after the lease).
     */
    private Future<ConversionEvent> storeClaimOutcome(ConversionEvent claimed,
            UnaryOperator<ConversionEvent> transition, OutcomeCompletion completion) {
        ConversionEvent next = transition.apply(claimed);
        // With a completion, the request's idempotency record is completed in the outcome's own transaction.
        Future<Optional<ConversionEvent>> written = completion == null
                ? repository.save(next, claimed.version())
                : repository.save(next, claimed.version(), completion);
        return written.compose(saved -> {
            if (saved.isPresent()) {
                return reported(saved.get());
            }
            return current(claimed).compose(stored -> holdsSameClaim(stored, claimed)
                    ? storeClaimOutcome(stored, transition, completion)
                    : Future.succeededFuture(stored));
        });
    }

    private static boolean holdsSameClaim(ConversionEvent stored, ConversionEvent claimed) {
        return stored.claimed() && stored.attempts() == claimed.attempts()
                && stored.leaseUntil().equals(claimed.leaseUntil());
    }

    private Future<ConversionEvent> reported(ConversionEvent saved) {
        telemetry.deliveryStatus(saved.status());
        return Future.succeededFuture(saved);
    }

    /** Someone else changed the conversion first: report what is stored now. */
    private Future<ConversionEvent> current(ConversionEvent conversion) {
        return repository.findById(conversion.id()).map((Optional<ConversionEvent> found) -> found.orElseThrow(
                () -> new IllegalStateException("conversion " + conversion.id() + " disappeared")));
    }
}
