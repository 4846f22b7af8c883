package io.adtarget.domain.conversion;

import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One conversion: its {@link ConversionIdentity} (fixed at creation), its revisable {@link ConversionDetails}
 * and its {@link DeliveryState}. Every state change is a method returning the next conversion with a new
 * delivery state; moves the state machine (docs/architecture.md) does not draw throw
 * {@link IllegalTransitionException}.
 */
public record ConversionEvent(ConversionIdentity identity, ConversionDetails details, DeliveryState delivery) {

    public ConversionEvent {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(delivery, "delivery");
    }

    /** A new conversion, PENDING, never attempted. */
    public static ConversionEvent create(ConversionIdentity identity, ConversionDetails details) {
        return new ConversionEvent(identity, details, DeliveryState.pending(identity.createdAt()));
    }

    /** A new conversion, PENDING, never attempted. */
    public static ConversionEvent create(ConversionId id, AccountId accountId, SiteId siteId, KeyMode keyMode,
            TelegramUserId telegramUserId, ChannelId channelId, EventType eventType, ClientEventId clientEventId,
            ConversionDetails details, Instant now) {
        return create(id, accountId, siteId, keyMode, telegramUserId, channelId, eventType, clientEventId, details,
                now, ConversionOrigin.API);
    }

    /** A new conversion from {@code origin}, PENDING, never attempted. */
    public static ConversionEvent create(ConversionId id, AccountId accountId, SiteId siteId, KeyMode keyMode,
            TelegramUserId telegramUserId, ChannelId channelId, EventType eventType, ClientEventId clientEventId,
            ConversionDetails details, Instant now, ConversionOrigin origin) {
        return create(new ConversionIdentity(id, accountId, siteId, keyMode, telegramUserId, channelId, eventType,
                clientEventId, now, origin), details);
    }

    public ConversionOrigin origin() {
        return identity.origin();
    }

    public ConversionId id() {
        return identity.id();
    }

    public AccountId accountId() {
        return identity.accountId();
    }

    public SiteId siteId() {
        return identity.siteId();
    }

    public KeyMode keyMode() {
        return identity.keyMode();
    }

    public TelegramUserId telegramUserId() {
        return identity.telegramUserId();
    }

    public ChannelId channelId() {
        return identity.channelId();
    }

    public EventType eventType() {
        return identity.eventType();
    }

    public ClientEventId clientEventId() {
        return identity.clientEventId();
    }

    public Instant createdAt() {
        return identity.createdAt();
    }

    public ConversionStatus status() {
        return delivery.status();
    }

    public int attempts() {
        return delivery.attempts();
    }

    public Instant updatedAt() {
        return delivery.updatedAt();
    }

    public Instant sentAt() {
        return delivery.sentAt();
    }

    public String fbtraceId() {
        return delivery.fbtraceId();
    }

    public DeliveryError lastError() {
        return delivery.lastError();
    }

    public SkipReason skipReason() {
        return delivery.skipReason();
    }

    public Instant nextAttemptAt() {
        return delivery.nextAttemptAt();
    }

    public Instant leaseUntil() {
        return delivery.leaseUntil();
    }

    public long version() {
        return delivery.version();
    }

    /** Meta's event_id: the client's eventId when given, else the conversion id. Never changes. */
    public String eventId() {
        return clientEventId() != null ? clientEventId().value() : id().toString();
    }

    public MatchKey matchKey() {
        return identity.matchKey();
    }

    /** Whether another party holds the delivery lease at {@code now}. */
    public boolean leaseActive(Instant now) {
        return leaseUntil() != null && leaseUntil().isAfter(now);
    }

    /** Whether this conversion is currently claimed for delivery (PENDING with a lease). */
    public boolean claimed() {
        return status() == ConversionStatus.PENDING && leaseUntil() != null;
    }

    /**
     * Whether the retry worker should pick it up: a due retryable failure, or a PENDING conversion
     * whose lease expired or that nobody claimed within {@code deliveryLease} of its last update.
     */
    public boolean isDue(Instant now, Duration deliveryLease) {
        return switch (status()) {
            case FAILED -> lastError() != null && lastError().retryable()
                    && nextAttemptAt() != null && !nextAttemptAt().isAfter(now);
            case PENDING -> leaseUntil() != null
                    ? !leaseUntil().isAfter(now)
                    : !updatedAt().plus(deliveryLease).isAfter(now);
            default -> false;
        };
    }

    /** Replaces the revisable fields (upsert of a not-yet-sent conversion). */
    public ConversionEvent revise(ConversionDetails newDetails, Instant now) {
        requireNotSent("revise");
        Objects.requireNonNull(newDetails, "newDetails");
        return new ConversionEvent(identity, newDetails, delivery.touch(now));
    }

    /** Claims delivery: attempts + 1 and a lease that keeps other senders away. */
    public ConversionEvent claimForDelivery(Instant now, Duration lease) {
        requireNotSent("claimForDelivery");
        if (leaseActive(now)) {
            throw new IllegalTransitionException("claimForDelivery while another delivery holds the lease");
        }
        return next(delivery.claim(now, now.plus(lease)));
    }

    /** Meta accepted the event: terminal. */
    public ConversionEvent markSent(String metaTraceId, Instant now) {
        requireClaimed("markSent");
        return next(delivery.settle(ConversionStatus.SENT, now, now, metaTraceId, null, null, null));
    }

    /** The attempt failed; a retryable error needs the time of the next attempt, a final one none. */
    public ConversionEvent markFailed(DeliveryError error, Instant nextAttempt, Instant now) {
        requireClaimed("markFailed");
        Objects.requireNonNull(error, "error");
        if (error.retryable() != (nextAttempt != null)) {
            throw new IllegalArgumentException("a retryable failure needs nextAttemptAt, a final one none");
        }
        return next(delivery.settle(ConversionStatus.FAILED, now, null, null, error, null, nextAttempt));
    }

    /**
     * Not attempted: Meta throttles the site's pixel, so delivery waits until {@code until}. Attempts
     * stay as they are (Meta was not called); the conversion is a retryable failure due then.
     */
    public ConversionEvent holdDelivery(DeliveryError error, Instant until, Instant now) {
        requireNotSent("holdDelivery");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(until, "until");
        if (!error.retryable()) {
            throw new IllegalArgumentException("a held delivery needs a retryable error");
        }
        if (leaseActive(now)) {
            throw new IllegalTransitionException("holdDelivery while another delivery holds the lease");
        }
        return next(delivery.settle(ConversionStatus.FAILED, now, null, null, error, null, until));
    }

    /**
     * Our claim is given back unused (Meta throttles the pixel, it was not called): the attempt it
     * counted is taken back and the conversion waits until {@code until}, as {@link #holdDelivery}.
     */
    public ConversionEvent releaseClaimAndHold(DeliveryError error, Instant until, Instant now) {
        requireClaimed("releaseClaimAndHold");
        return next(delivery.releaseClaim(now)).holdDelivery(error, until, now);
    }

    /**
     * Not delivered because the site cannot take it (no Meta connection, disabled, no test code).
     * Whether the caller may touch a leased conversion is the caller's decision (it may hold the lease).
     */
    public ConversionEvent markSkipped(SkipReason reason, Instant now) {
        requireNotSent("markSkipped");
        Objects.requireNonNull(reason, "reason");
        return next(delivery.settle(ConversionStatus.SKIPPED, now, null, null, null, reason, null));
    }

    /** The retry worker stops retrying a failure (attempts exhausted or event too old). */
    public ConversionEvent giveUp(DeliveryErrorCode terminalCode, Instant now) {
        if (terminalCode.retryable()) {
            throw new IllegalArgumentException("giveUp needs a terminal code");
        }
        if (status() == ConversionStatus.SENT || status() == ConversionStatus.SKIPPED) {
            throw new IllegalTransitionException("giveUp", status());
        }
        DeliveryError base = lastError() != null
                ? lastError()
                : DeliveryError.of(DeliveryErrorCode.META_UNAVAILABLE, "delivery interrupted");
        return next(delivery.settle(ConversionStatus.FAILED, now, null, null, base.terminal(terminalCode), null,
                null));
    }

    /** The same state stored under another optimistic-locking version. */
    public ConversionEvent withVersion(long newVersion) {
        return next(delivery.withVersion(newVersion));
    }

    private ConversionEvent next(DeliveryState state) {
        return new ConversionEvent(identity, details, state);
    }

    private void requireNotSent(String transition) {
        if (status() == ConversionStatus.SENT) {
            throw new IllegalTransitionException(transition, status());
        }
    }

    private void requireClaimed(String transition) {
        if (!claimed()) {
            throw new IllegalTransitionException(transition, status());
        }
    }
}
