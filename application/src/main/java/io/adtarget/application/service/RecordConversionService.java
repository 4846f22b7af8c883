package io.adtarget.application.service;

import io.adtarget.application.port.in.InlineResponse;
import io.adtarget.application.port.in.OwnedIdempotencyRecord;
import io.adtarget.application.port.in.RecordConversionCommand;
import io.adtarget.application.port.in.RecordConversionResult;
import io.adtarget.application.port.in.RecordConversionUseCase;
import io.adtarget.application.port.out.NewConversionClaims;
import io.adtarget.application.port.out.DistributedLock;
import io.adtarget.application.port.out.OutcomeCompletion;
import io.adtarget.application.port.ServiceUnavailableException;
import io.adtarget.application.port.out.SiteDirectory;
import io.adtarget.application.port.out.Telemetry;
import io.adtarget.application.port.out.Timers;
import io.adtarget.application.port.out.Telemetry.ConversionResult;
import io.adtarget.domain.conversion.ConversionDetails;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.UpsertDecision;
import io.adtarget.domain.site.DeliveryTarget;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Records a conversion (semantics §2): resolve the site; with no recent match (the common case) create it already
 * claimed for delivery in one write that the store serialises per match key, and deliver; with one, answer a SENT
 * match without the lock, otherwise upsert under the match-key lock and deliver.
 */
public final class RecordConversionService implements RecordConversionUseCase {
    /** How often a request that met a delivery in progress looks whether its outcome is stored. */
    static final Duration IN_FLIGHT_POLL = Duration.ofMillis(20);

    private final SiteDirectory sites;
    private final NewConversionClaims repository;
    private final DistributedLock lock;
    private final ConversionDelivery delivery;
    private final Clock clock;
    private final RandomGenerator random;
    private final ConversionSettings settings;
    private final Telemetry telemetry;
    private final Timers timers;
    private final VisitEnrichment enrichment;

    public RecordConversionService(SiteDirectory sites, NewConversionClaims repository, DistributedLock lock,
            ConversionDelivery delivery, Clock clock, RandomGenerator random, ConversionSettings settings,
            Telemetry telemetry, Timers timers) {
        this(sites, repository, lock, delivery, clock, random, settings, telemetry, timers, VisitEnrichment.NONE);
    }

    /** With {@code enrichment}: API conversions of a Telegram user with an attributed visit inherit its data. */
    public RecordConversionService(SiteDirectory sites, NewConversionClaims repository, DistributedLock lock,
            ConversionDelivery delivery, Clock clock, RandomGenerator random, ConversionSettings settings,
            Telemetry telemetry, Timers timers, VisitEnrichment enrichment) {
        this.timers = Objects.requireNonNull(timers, "timers");
        this.enrichment = Objects.requireNonNull(enrichment, "enrichment");
        this.sites = sites;
        this.repository = repository;
        this.lock = lock;
        this.delivery = delivery;
        this.clock = clock;
        this.random = random;
        this.settings = settings;
        this.telemetry = telemetry;
    }

    @Override
    public Future<RecordConversionResult> record(RecordConversionCommand request) {
        return record(request, null);
    }

    @Override
    public Future<RecordConversionResult> record(RecordConversionCommand request, InlineResponse inline) {
        Instant receivedAt = Now.of(clock);
        return enrichment.enrich(request, receivedAt).compose(command -> sites.resolve(
                command.principal().accountId(), command.channelId()).compose(site -> site.isEmpty()
                        ? Future.succeededFuture(new RecordConversionResult.ChannelNotFound())
                        : recordFor(command, site.get(), receivedAt, inline)));
    }

    private Future<RecordConversionResult> recordFor(RecordConversionCommand command, Site site, Instant receivedAt,
            InlineResponse inline) {
        ConversionEvent candidate = ConversionEvent.create(ConversionId.generate(receivedAt, random),
                command.principal().accountId(), site.id(), command.principal().mode(), command.telegramUserId(),
                command.channelId(), command.eventType(), command.clientEventId(),
                new ConversionDetails(command.value(),
                        command.eventTime() != null ? command.eventTime() : receivedAt,
                        command.eventSourceUrl(), command.customData(), command.matchData()),
                receivedAt, command.origin());
        DeliveryTarget target = site.deliveryTarget(candidate.keyMode());
        if (target instanceof DeliveryTarget.Deliver && lock.reachable()) {
            // The match-key lock only where a match exists (issue #15): the store creates the conversion unless it
            // finds a recent match, under its own per-match-key lock, already claimed for delivery, so a concurrent
            // request or instance meets a delivery in progress and waits for its outcome. While the lock store is
            // known to be down, this path is not taken: the request takes the lock and gets its 503.
            Instant now = Now.of(clock);
            return repository.createUnlessMatched(candidate.claimForDelivery(now, settings.deliveryLease()), now,
                    settings.dedupWindow()).compose(created -> created.isPresent()
                            ? created(created.get(), target, site, inline)
                            : matched(candidate, site, inline));
        }
        return matched(candidate, site, inline);
    }

    /** A recent match exists (or the fast creation was not tried): semantics §2's table, under the lock unless SENT. */
    private Future<RecordConversionResult> matched(ConversionEvent candidate, Site site, InlineResponse inline) {
        // SENT is terminal, so a SENT match read without the lock is still the answer under it: a stale
        // read can only miss a SENT (and then take the locked path), never invent one.
        Instant now = Now.of(clock);
        return repository.findLatestMatch(candidate.matchKey(), now.minus(settings.dedupWindow()))
                .compose(latest -> latest.isPresent() && latest.get().status() == ConversionStatus.SENT
                        ? Future.succeededFuture(deduplicated(latest.get()))
                        : underLock(candidate, site, inline));
    }

    private Future<RecordConversionResult> underLock(ConversionEvent candidate, Site site, InlineResponse inline) {
        String lockName = "match:" + candidate.matchKey().digest();
        return lock.acquire(lockName, settings.lockTtl(), settings.lockWait()).compose(handle -> {
            if (handle.isEmpty()) {
                return Future.failedFuture(new ServiceUnavailableException("conversion lock"));
            }
            // A failed release is harmless (the lock expires after its TTL); it must not fail the request.
            return upsertAndDeliver(candidate, site, inline)
                    .eventually(() -> handle.get().release().otherwiseEmpty());
        });
    }

    private Future<RecordConversionResult> upsertAndDeliver(ConversionEvent unclaimed, Site site,
            InlineResponse inline) {
        Instant now = Now.of(clock);
        // A site we can deliver to gets the new row inserted already claimed: the claim is committed with
        // the insert, before Meta is called, and the separate claim UPDATE (one commit) disappears.
        // The target is decided once, here: a claimed Create goes straight to Meta (one call).
        DeliveryTarget target = site.deliveryTarget(unclaimed.keyMode());
        ConversionEvent candidate = target instanceof DeliveryTarget.Deliver
                ? unclaimed.claimForDelivery(now, settings.deliveryLease())
                : unclaimed;
        return repository.upsert(candidate, now, settings.dedupWindow()).compose(decision -> {
            if (decision instanceof UpsertDecision.Create created) {
                return created(created.conversion(), target, site, inline);
            }
            if (decision instanceof UpsertDecision.Revise revised) {
                telemetry.conversion(ConversionResult.UPDATED);
                reportMatchSignals(revised.conversion());
                return delivery.deliver(revised.conversion(), site).map(RecordConversionResult.Updated::new);
            }
            if (decision instanceof UpsertDecision.InFlight inFlight) {
                // Another party (the retry worker, or an instance whose lock expired) is sending the match:
                // its answer belongs to the details it sent. Wait for that outcome, then decide again:
                // SENT answers deduplicated, a failure is revised with this request's details and re-sent.
                return outcomeOf(inFlight.conversion()).compose(settled -> upsertAndDeliver(unclaimed, site, inline));
            }
            return Future.succeededFuture(deduplicated(decision.conversion()));
        });
    }

    private Future<RecordConversionResult> created(ConversionEvent stored, DeliveryTarget target, Site site,
            InlineResponse inline) {
        telemetry.conversion(ConversionResult.CREATED);
        reportMatchSignals(stored);
        Future<ConversionEvent> delivered = stored.claimed() && target instanceof DeliveryTarget.Deliver deliver
                ? delivery.deliverClaimed(stored, deliver, site, completionOf(inline))
                : delivery.deliver(stored, site);
        return delivered.map(RecordConversionResult.Created::new);
    }

    /**
     * Completes once {@code inFlight}'s delivery is no longer in progress: its outcome is stored, or its
     * lease ran out (a crashed sender; the lease bounds the wait, and the lease outlasts Meta's timeout).
     */
    private Future<Void> outcomeOf(ConversionEvent inFlight) {
        return timers.delay(IN_FLIGHT_POLL).compose(waited -> repository.findById(inFlight.id())).compose(now -> {
            boolean stillInFlight = now.isPresent() && now.get().version() == inFlight.version()
                    && now.get().leaseActive(Now.of(clock));
            return stillInFlight ? outcomeOf(inFlight) : Future.succeededFuture();
        });
    }

    /**
     * A new conversion's outcome and its request's idempotency completion in one transaction: the response is
     * rendered from the conversion as stored, as {@code Created}, which is what this path answers.
     */
    private static OutcomeCompletion completionOf(InlineResponse inline) {
        if (inline == null) {
            return null;
        }
        OwnedIdempotencyRecord owned = inline.owned();
        return new OutcomeCompletion(owned.scope(), owned.ownerToken(),
                saved -> inline.render().apply(new RecordConversionResult.Created(saved)), owned::completedWith);
    }

    private void reportMatchSignals(ConversionEvent conversion) {
        telemetry.matchSignals(conversion.siteId(), conversion.details().matchData().userData().signals());
    }

    private RecordConversionResult deduplicated(ConversionEvent sent) {
        telemetry.conversion(ConversionResult.DEDUPLICATED);
        return new RecordConversionResult.Deduplicated(sent);
    }
}
