package io.adtarget.application.service;

import io.adtarget.application.port.in.RetryDueConversionsUseCase;
import io.adtarget.application.port.out.DueConversionClaimer;
import io.adtarget.application.port.out.PixelThrottles;
import io.adtarget.application.port.out.SiteRepository;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.RetryPolicy;
import io.adtarget.domain.conversion.SkipReason;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One tick of the retry worker (semantics §3): claims a bounded batch of due conversions — giving
 * up on exhausted or too-old ones in the same step — and delivers the claimed ones concurrently.
 */
public final class RetryDueConversionsService implements RetryDueConversionsUseCase {
    private final DueConversionClaimer repository;
    private final SiteRepository sites;
    private final ConversionDelivery delivery;
    private final Clock clock;
    private final ConversionSettings settings;
    private final PixelThrottles throttles;

    public RetryDueConversionsService(DueConversionClaimer repository, SiteRepository sites,
            ConversionDelivery delivery, Clock clock, ConversionSettings settings) {
        this(repository, sites, delivery, clock, settings, PixelThrottles.NONE);
    }

    public RetryDueConversionsService(DueConversionClaimer repository, SiteRepository sites,
            ConversionDelivery delivery, Clock clock, ConversionSettings settings, PixelThrottles throttles) {
        this.throttles = Objects.requireNonNull(throttles, "throttles");
        this.repository = repository;
        this.sites = sites;
        this.delivery = delivery;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Future<Integer> retryDue() {
        Instant now = Now.of(clock);
        Duration lease = settings.deliveryLease();
        RetryPolicy policy = settings.retryPolicy();
        // Conversions of a paused pixel are held until the pause ends, without an attempt or a Meta call.
        return throttles.pausedSites(now).compose(paused -> repository.claimDue(now, lease,
                        settings.retryBatchSize(), due -> policy.giveUpReason(due, now)
                                .map(code -> due.giveUp(code, now))
                                .orElseGet(() -> paused.containsKey(due.siteId())
                                        ? due.holdDelivery(DeliverConversionService.heldError(due),
                                                paused.get(due.siteId()), now)
                                        : due.claimForDelivery(now, lease))))
                .compose(rows -> {
                    List<Future<ConversionEvent>> deliveries = rows.stream()
                            .filter(ConversionEvent::claimed)
                            .map(this::deliverOne)
                            .toList();
                    // join waits for every delivery; one failure must neither stop nor fail the others.
                    return Future.join(deliveries).transform(done -> Future.succeededFuture(rows.size()));
                });
    }

    private Future<ConversionEvent> deliverOne(ConversionEvent claimed) {
        return Future.succeededFuture().compose(ignored -> sites.findById(claimed.siteId())).compose(site -> {
            if (site.isPresent()) {
                return delivery.deliverClaimed(claimed, site.get());
            }
            ConversionEvent skipped = claimed.markSkipped(SkipReason.META_NOT_CONFIGURED, Now.of(clock));
            return repository.save(skipped, claimed.version()).map(saved -> saved.orElse(claimed));
        });
    }
}
