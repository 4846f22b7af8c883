package io.adtarget.domain.conversion;

import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One conversion and its delivery state. Every state change is a method returning the next state;
 * moves the state machine (docs/architecture.md) does not draw throw {@link IllegalTransitionException}.
 * {@code version} is the optimistic-locking counter kept by the repository.
 */
public record ConversionEvent(
        ConversionId id,
        AccountId accountId,
        SiteId siteId,
        KeyMode keyMode,
        TelegramUserId telegramUserId,
        ChannelId channelId,
        EventType eventType,
        ClientEventId clientEventId,
        ConversionDetails details,
        ConversionStatus status,
        int attempts,
        Instant createdAt,
        Instant updatedAt,
        Instant sentAt,
        String fbtraceId,
        DeliveryError lastError,
        SkipReason skipReason,
        Instant nextAttemptAt,
        Instant leaseUntil,
        long version) {

    public ConversionEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(keyMode, "keyMode");
        Objects.requireNonNull(telegramUserId, "telegramUserId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0");
        }
    }

    /** A new conversion, PENDING, never attempted. */
    public static ConversionEvent create(ConversionId id, AccountId accountId, SiteId siteId, KeyMode keyMode,
            TelegramUserId telegramUserId, ChannelId channelId, EventType eventType, ClientEventId clientEventId,
            ConversionDetails details, Instant now) {
        return new ConversionEvent(id, accountId, siteId, keyMode, telegramUserId, channelId, eventType,
                clientEventId, details, ConversionStatus.PENDING, 0, now, now, null, null, null, null, null, null, 0L);
    }

    /** Meta's event_id: the client's eventId when given, else the conversion id. Never changes. */
    public String eventId() {
        return clientEventId != null ? clientEventId.value() : id.toString();
    }

    public MatchKey matchKey() {
        return new MatchKey(siteId, keyMode, telegramUserId, channelId, eventType, clientEventId);
    }

    /** Whether another party holds the delivery lease at {@code now}. */
    public boolean leaseActive(Instant now) {
        return leaseUntil != null && leaseUntil.isAfter(now);
    }

    /** Whether this conversion is currently claimed for delivery (PENDING with a lease). */
    public boolean claimed() {
        return status == ConversionStatus.PENDING && leaseUntil != null;
    }

    /**
     * Whether the retry worker should pick it up: a due retryable failure, or a PENDING conversion
     * whose lease expired or that nobody claimed within {@code deliveryLease} of its last update.
     */
    public boolean isDue(Instant now, Duration deliveryLease) {
        return switch (status) {
            case FAILED -> lastError != null && lastError.retryable()
                    && nextAttemptAt != null && !nextAttemptAt.isAfter(now);
            case PENDING -> leaseUntil != null
                    ? !leaseUntil.isAfter(now)
                    : !updatedAt.plus(deliveryLease).isAfter(now);
            default -> false;
        };
    }

    /** Replaces the revisable fields (upsert of a not-yet-sent conversion). */
    public ConversionEvent revise(ConversionDetails newDetails, Instant now) {
        requireNotSent("revise");
        Objects.requireNonNull(newDetails, "newDetails");
        return new ConversionEvent(id, accountId, siteId, keyMode, telegramUserId, channelId, eventType,
                clientEventId, newDetails, status, attempts, createdAt, now, sentAt, fbtraceId, lastError,
                skipReason, nextAttemptAt, leaseUntil, version);
    }

    /** Claims delivery: attempts + 1 and a lease that keeps other senders away. */
    public ConversionEvent claimForDelivery(Instant now, Duration lease) {
        requireNotSent("claimForDelivery");
        if (leaseActive(now)) {
            throw new IllegalTransitionException("claimForDelivery while another delivery holds the lease");
        }
        return new ConversionEvent(id, accountId, siteId, keyMode, telegramUserId, channelId, eventType,
                clientEventId, details, ConversionStatus.PENDING, attempts + 1, createdAt, now, sentAt, fbtraceId,
                lastError, null, null, now.plus(lease), version);
    }

    /** Meta accepted the event: terminal. */
    public ConversionEvent markSent(String metaTraceId, Instant now) {
        requireClaimed("markSent");
        return new ConversionEvent(id, accountId, siteId, keyMode, telegramUserId, channelId, eventType,
                clientEventId, details, ConversionStatus.SENT, attempts, createdAt, now, now, metaTraceId, null,
                null, null, null, version);
    }

    /** The attempt failed; a retryable error needs the time of the next attempt, a final one none. */
    public ConversionEvent markFailed(DeliveryError error, Instant nextAttempt, Instant now) {
        requireClaimed("markFailed");
        Objects.requireNonNull(error, "error");
        if (error.retryable() != (nextAttempt != null)) {
            throw new IllegalArgumentException("a retryable failure needs nextAttemptAt, a final one none");
        }
        return new ConversionEvent(id, accountId, siteId, keyMode, telegramUserId, channelId, eventType,
                clientEventId, details, ConversionStatus.FAILED, attempts, createdAt, now, null, null, error, null,
                nextAttempt, null, version);
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
        return new ConversionEvent(id, accountId, siteId, keyMode, telegramUserId, channelId, eventType,
                clientEventId, details, ConversionStatus.FAILED, attempts, createdAt, now, null, null, error, null,
                until, null, version);
    }

    /**
     * Our claim is given back unused (Meta throttles the pixel, it was not called): the attempt it
     * counted is taken back and the conversion waits until {@code until}, as {@link #holdDelivery}.
     */
    public ConversionEvent releaseClaimAndHold(DeliveryError error, Instant until, Instant now) {
        requireClaimed("releaseClaimAndHold");
        ConversionEvent unclaimed = new ConversionEvent(id, accountId, siteId, keyMode, telegramUserId, channelId,
                eventType, clientEventId, details, status, Math.max(0, attempts - 1), createdAt, now, sentAt,
                fbtraceId, lastError, skipReason, nextAttemptAt, null, version);
        return unclaimed.holdDelivery(error, until, now);
    }

    /**
     * Not delivered because the site cannot take it (no Meta connection, disabled, no test code).
     * Whether the caller may touch a leased conversion is the caller's decision (it may hold the lease).
     */
    public ConversionEvent markSkipped(SkipReason reason, Instant now) {
        requireNotSent("markSkipped");
        Objects.requireNonNull(reason, "reason");
        return new ConversionEvent(id, accountId, siteId, keyMode, telegramUserId, channelId, eventType,
                clientEventId, details, ConversionStatus.SKIPPED, attempts, createdAt, now, null, null, null, reason,
                null, null, version);
    }

    /** The retry worker stops retrying a failure (attempts exhausted or event too old). */
    public ConversionEvent giveUp(DeliveryErrorCode terminalCode, Instant now) {
        if (terminalCode.retryable()) {
            throw new IllegalArgumentException("giveUp needs a terminal code");
        }
        if (status == ConversionStatus.SENT || status == ConversionStatus.SKIPPED) {
            throw new IllegalTransitionException("giveUp", status);
        }
        DeliveryError base = lastError != null
                ? lastError
                : DeliveryError.of(DeliveryErrorCode.META_UNAVAILABLE, "delivery interrupted");
        return new ConversionEvent(id, accountId, siteId, keyMode, telegramUserId, channelId, eventType,
                clientEventId, details, ConversionStatus.FAILED, attempts, createdAt, now, null, null,
                base.terminal(terminalCode), null, null, null, version);
    }

    /** The same state stored under another optimistic-locking version. */
    public ConversionEvent withVersion(long newVersion) {
        return new ConversionEvent(id, accountId, siteId, keyMode, telegramUserId, channelId, eventType,
                clientEventId, details, status, attempts, createdAt, updatedAt, sentAt, fbtraceId, lastError,
                skipReason, nextAttemptAt, leaseUntil, newVersion);
    }

    private void requireNotSent(String transition) {
        if (status == ConversionStatus.SENT) {
            throw new IllegalTransitionException(transition, status);
        }
    }

    private void requireClaimed(String transition) {
        if (!claimed()) {
            throw new IllegalTransitionException(transition, status);
        }
    }
}
