package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.ClientEventId;
import io.adtarget.domain.conversion.ConversionOrigin;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.Money;
import io.adtarget.domain.userdata.MatchData;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A validated conversion request. {@code eventTime} null means "time of receipt";
 * {@code value}, {@code clientEventId}, {@code eventSourceUrl} are optional; {@code customData}
 * holds JSON values only (String, Number, Boolean, null, List, Map); {@code matchData} is the normalised,
 * hashed user data with action source and LDU options (never raw contact data).
 */
public record RecordConversionCommand(ApiPrincipal principal, TelegramUserId telegramUserId, ChannelId channelId,
        EventType eventType, Money value, Instant eventTime, ClientEventId clientEventId, String eventSourceUrl,
        Map<String, Object> customData, MatchData matchData, ConversionOrigin origin) {

    public RecordConversionCommand {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(telegramUserId, "telegramUserId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(eventType, "eventType");
        if (eventType.requiresValue() && value == null) {
            throw new IllegalArgumentException("value and currency are required for Purchase");
        }
        customData = customData == null ? Map.of() : customData;
        matchData = matchData == null ? MatchData.NONE : matchData;
        origin = origin == null ? ConversionOrigin.API : origin;
    }

    /** A command of the API (origin {@code api}). */
    public RecordConversionCommand(ApiPrincipal principal, TelegramUserId telegramUserId, ChannelId channelId,
            EventType eventType, Money value, Instant eventTime, ClientEventId clientEventId, String eventSourceUrl,
            Map<String, Object> customData, MatchData matchData) {
        this(principal, telegramUserId, channelId, eventType, value, eventTime, clientEventId, eventSourceUrl,
                customData, matchData, ConversionOrigin.API);
    }

    /** The same command with other match data (what enrichment fills in). */
    public RecordConversionCommand withMatchData(MatchData newMatchData) {
        return new RecordConversionCommand(principal, telegramUserId, channelId, eventType, value, eventTime,
                clientEventId, eventSourceUrl, customData, newMatchData, origin);
    }

    /** A command without user data. */
    public RecordConversionCommand(ApiPrincipal principal, TelegramUserId telegramUserId, ChannelId channelId,
            EventType eventType, Money value, Instant eventTime, ClientEventId clientEventId, String eventSourceUrl,
            Map<String, Object> customData) {
        this(principal, telegramUserId, channelId, eventType, value, eventTime, clientEventId, eventSourceUrl,
                customData, MatchData.NONE);
    }
}
