package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * A page request over one account's conversions; null filters match everything. {@code receivedFrom}
 * (inclusive) and {@code receivedBefore} (exclusive) bound the time the conversion was first recorded.
 */
public record ConversionQuery(AccountId accountId, ConversionStatus status, EventType eventType,
        TelegramUserId telegramUserId, ChannelId channelId, int limit, ConversionCursor after, Instant receivedFrom,
        Instant receivedBefore) {

    public ConversionQuery(AccountId accountId, ConversionStatus status, EventType eventType,
            TelegramUserId telegramUserId, ChannelId channelId, int limit, ConversionCursor after) {
        this(accountId, status, eventType, telegramUserId, channelId, limit, after, null, null);
    }

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;

    public ConversionQuery {
        Objects.requireNonNull(accountId, "accountId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and 200");
        }
        if (receivedFrom != null && receivedBefore != null && !receivedFrom.isBefore(receivedBefore)) {
            throw new IllegalArgumentException("to must be later than from");
        }
    }
}
