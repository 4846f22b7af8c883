package io.adtarget.application.service;

import io.adtarget.application.port.in.RetryConversionUseCase;
import io.adtarget.application.port.out.ConversionRepository;
import io.adtarget.application.port.out.SiteRepository;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.ConversionStatus;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Objects;

/**
 * "Retry now": a FAILED conversion goes through {@link ConversionDelivery#deliver} at once, which claims
 * it with its version before calling Meta: of two retries at once one claims and sends, the other
 * finds it claimed and reports it queued. The attempt budget is not consulted (an operator asked),
 * the age limit is (Meta would refuse the event).
 */
public final class RetryConversionService implements RetryConversionUseCase {
    private final ConversionRepository conversions;
    private final SiteRepository sites;
    private final ConversionDelivery delivery;
    private final Clock clock;
    private final ConversionSettings settings;

    public RetryConversionService(ConversionRepository conversions, SiteRepository sites, ConversionDelivery delivery,
            Clock clock, ConversionSettings settings) {
        this.conversions = Objects.requireNonNull(conversions, "conversions");
        this.sites = Objects.requireNonNull(sites, "sites");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Future<RetryResult> retryNow(ConversionId id) {
        return conversions.findById(id).compose(found -> found.isEmpty()
                ? Future.succeededFuture(new RetryResult.NotFound())
                : retry(found.get()));
    }

    private Future<RetryResult> retry(ConversionEvent conversion) {
        switch (conversion.status()) {
            case SENT:
                return answer(new RetryResult.NotRetryable(conversion, "the conversion was sent to Meta already"));
            case SKIPPED:
                return answer(new RetryResult.NotRetryable(conversion, "the conversion was skipped ("
                        + conversion.skipReason().slug() + "): fix the site, then re-post it"));
            case PENDING:
                return answer(new RetryResult.AlreadyQueued(conversion));
            default:
                break;
        }
        if (settings.retryPolicy().tooOld(conversion.details().eventTime(), Now.of(clock))) {
            return answer(new RetryResult.NotRetryable(conversion,
                    "the event is older than Meta accepts (" + settings.retryPolicy().maxEventAge().toDays()
                            + " days): it cannot be sent any more"));
        }
        return sites.findById(conversion.siteId()).compose(site -> site.isEmpty()
                ? answer(new RetryResult.NotRetryable(conversion, "the conversion's site no longer exists"))
                : delivery.deliver(conversion, site.get()).map(stored -> stored.status() == ConversionStatus.PENDING
                        // another retry (or the worker) claimed it first and is sending it
                        ? new RetryResult.AlreadyQueued(stored)
                        : new RetryResult.Retried(stored)));
    }

    private static Future<RetryResult> answer(RetryResult result) {
        return Future.succeededFuture(result);
    }
}
