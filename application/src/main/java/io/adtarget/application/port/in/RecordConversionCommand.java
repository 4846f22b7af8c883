package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.ClientEventId;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A validated conversion request. {@code eventTime} null means "time of receipt";
 * {@code value}, {@code clientEventId}, {@code eventSourceUrl} are optional; {@code customData}
 * holds JSON values only (String, Number, Boolean, null, List, Map).
 */
public record RecordConversionCommand(ApiPrincipal principal, TelegramUserId telegramUserId, ChannelId channelId,
        EventType eventType, Money value, Instant eventTime, ClientEventId clientEventId, String eventSourceUrl,
        Map<String, Object> customData) {

    public RecordConversionCommand {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(telegramUserId, "telegramUserId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(eventType, "eventType");
        if (eventType.requiresValue() && value == null) {
            throw new IllegalArgumentException("value and currency are required for Purchase");
        }
        customData = customData == null ? Map.of() : customData;
    }
}
