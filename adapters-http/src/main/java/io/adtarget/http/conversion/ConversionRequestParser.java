package io.adtarget.http.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.application.port.in.RecordConversionCommand;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.ClientEventId;
import io.adtarget.domain.conversion.EventTimes;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.conversion.RetryPolicy;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.Money;
import io.adtarget.domain.userdata.MatchData;
import io.adtarget.http.support.FieldReader;
import io.adtarget.http.support.HttpUrls;
import io.adtarget.http.support.Json;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;

/**
 * Turns a POST /api/v1/events/conversion body into a command, checking every rule of api.md.
 * Integers (telegramUserId, eventTime) must be JSON integers: {@code 1.5}, {@code 1.0}, {@code 1e3}
 * and {@code "123"} are refused rather than guessed at.
 */
public final class ConversionRequestParser {
    /** Meta's limit, owned by the retry policy that also gives up on events past it. */
    static final Duration MAX_AGE = RetryPolicy.META_MAX_EVENT_AGE;
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    private static final Currency ANY_CURRENCY = Currency.getInstance("USD");

    private final Clock clock;

    ConversionRequestParser(Clock clock) {
        this.clock = clock;
    }

    RecordConversionCommand parse(byte[] body, ApiPrincipal principal) {
        return parse(body, principal, MatchDataReader.ForwardedHeaders.NONE);
    }

    RecordConversionCommand parse(byte[] body, ApiPrincipal principal, MatchDataReader.ForwardedHeaders headers) {
        Instant receivedAt = clock.instant();
        FieldReader in = new FieldReader(Json.parseObject(body));
        Long userId = in.integer("telegramUserId", true);
        TelegramUserId telegramUserId = in.convert("telegramUserId", userId, TelegramUserId::new);
        ChannelId channelId = in.convert("channelId", channelText(in, "channelId", true), ChannelId::new);
        EventType eventType = in.convert("eventType", in.text("eventType", true), EventType::new);
        Money value = money(in, eventType);
        Instant eventTime = eventTime(in);
        ClientEventId eventId = in.convert("eventId", in.text("eventId", false), ClientEventId::new);
        String url = in.convert("eventSourceUrl", in.text("eventSourceUrl", false), HttpUrls::requireAbsoluteHttp);
        Map<String, Object> customData = CustomData.read(in);
        MatchData matchData = MatchDataReader.read(in, headers, in.raw("eventSourceUrl") != null, receivedAt);
        in.throwIfInvalid();
        return new RecordConversionCommand(principal, telegramUserId, channelId, eventType, value, eventTime,
                eventId, url, customData, matchData);
    }

    /** A channel id given as a string, or as a JSON integer read as its decimal string. */
    public static String channelText(FieldReader in, String field, boolean required) {
        JsonNode raw = in.raw(field);
        if (raw != null && raw.isIntegralNumber()) {
            return raw.bigIntegerValue().toString();
        }
        return in.text(field, required);
    }

    private static Money money(FieldReader in, EventType eventType) {
        BigDecimal amount = in.number("value", false);
        Currency currency = in.convert("currency", in.text("currency", false), Money::currency);
        boolean valueGiven = in.raw("value") != null;
        boolean currencyGiven = in.raw("currency") != null;
        if (eventType != null && eventType.requiresValue()) {
            if (!valueGiven) {
                in.fail("value", "is required for " + eventType.value());
            }
            if (!currencyGiven) {
                in.fail("currency", "is required for " + eventType.value());
            }
        }
        if (valueGiven && !currencyGiven && (eventType == null || !eventType.requiresValue())) {
            in.fail("currency", "is required when value is present");
        }
        // the amount's own rules are checked even when the currency is missing or wrong, so all errors show
        Money money = in.convert("value", amount, a -> new Money(a, currency != null ? currency : ANY_CURRENCY));
        return currency == null ? null : money;
    }

    /** Unix seconds, or milliseconds from 10^12 on ({@link EventTimes}); the limits apply to the instant. */
    private Instant eventTime(FieldReader in) {
        Long epoch = in.integer("eventTime", false);
        if (epoch == null) {
            return null;
        }
        if (epoch < 0) {
            return in.fail("eventTime", "must not be older than 7 days");
        }
        Instant time = EventTimes.fromEpoch(epoch);
        long seconds = time.getEpochSecond();
        long now = clock.instant().getEpochSecond();
        if (seconds < now - MAX_AGE.toSeconds()) {
            return in.fail("eventTime", "must not be older than " + MAX_AGE.toDays() + " days");
        }
        if (seconds > now + MAX_AHEAD.toSeconds()) {
            return in.fail("eventTime", "must not be more than 5 minutes in the future");
        }
        return time;
    }

}
