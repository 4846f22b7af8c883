package io.adtarget.domain.conversion;

import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.Money;
import io.adtarget.domain.shared.SiteId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/** Test data for conversions: fixed times and ids drawn from seeded sources, so every run builds the same events. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(10);
    static final AccountId ACCOUNT = AccountId.random(new Random(1));
    static final SiteId SITE = SiteId.random(new Random(2));
    static final TelegramUserId USER = new TelegramUserId(1_234_567_890L);
    static final ChannelId CHANNEL = new ChannelId("-1001234567890");

    private Fixtures() {
    }

    static ConversionDetails details(String value, Instant eventTime) {
        Money money = value == null ? null : new Money(new BigDecimal(value), Money.currency("USD"));
        return new ConversionDetails(money, eventTime, "https://t.me/example", Map.of("plan", "pro"));
    }

    /** The one place the domain's tests create a conversion (the modules above use ConversionTestData). */
    static ConversionEvent pending(ConversionId id, ClientEventId eventId, ConversionDetails details, Instant createdAt) {
        return ConversionEvent.create(id, ACCOUNT, SITE, KeyMode.LIVE, USER, CHANNEL, EventType.PURCHASE, eventId,
                details, createdAt);
    }

    static ConversionEvent pending(ClientEventId eventId, Instant now, long idSeed) {
        return pending(ConversionId.generate(now, new Random(idSeed)), eventId, details("49.00", now), now);
    }

    static ConversionEvent pending(Instant now) {
        return pending(null, now, 3);
    }

    static ConversionEvent claimed(Instant at) {
        return pending(at).claimForDelivery(at, LEASE);
    }

    static DeliveryError transientError() {
        return DeliveryError.of(DeliveryErrorCode.META_UNAVAILABLE, "Meta answered 503", 2, "trace-503");
    }

    static DeliveryError finalError() {
        return DeliveryError.of(DeliveryErrorCode.META_REJECTED, "Invalid parameter", 100, "trace-100");
    }
}
