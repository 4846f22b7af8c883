package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.AccountId;
import java.util.Objects;

/** A page request over one account's conversions; null filters match everything. */
public record ConversionQuery(AccountId accountId, ConversionStatus status, EventType eventType,
        TelegramUserId telegramUserId, ChannelId channelId, int limit, ConversionCursor after) {

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;

    public ConversionQuery {
        Objects.requireNonNull(accountId, "accountId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and 200");
        }
    }
}
