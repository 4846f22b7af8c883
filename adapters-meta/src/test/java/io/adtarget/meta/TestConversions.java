package io.adtarget.meta;

import io.adtarget.application.fake.ConversionTestData;
import io.adtarget.domain.conversion.ClientEventId;
import io.adtarget.domain.conversion.ConversionDetails;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.Money;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.AccessToken;
import io.adtarget.domain.site.MetaConnection;
import io.adtarget.domain.site.MetaPixelId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** Conversions and connections used across this module's tests. */
final class TestConversions {
    static final String TOKEN = "EAAGtestSecretToken0123456789abcdefXYZ";
    static final String PIXEL = "1234567890123";
    static final MetaConnection CONNECTION = new MetaConnection(new MetaPixelId(PIXEL), new AccessToken(TOKEN));
    static final String CONVERSION_ID = "0193a5d2-7c1e-7b3a-9f0e-2d4c1b8a6e51";
    static final Instant EVENT_TIME = Instant.ofEpochSecond(1764270253);
    static final long TELEGRAM_USER = 1234567890L;
    static final String HASHED_USER = "c775e7b757ede630cd0aa1113bd102661ab38829ca52a6422ab782862f268646";

    private TestConversions() {
    }

    /** A Purchase of 49.99 USD by Telegram user 1234567890, no client event id, no URL, no custom data. */
    static ConversionEvent purchase() {
        return conversion(KeyMode.LIVE, EventType.PURCHASE, null,
                new ConversionDetails(usd("49.99"), EVENT_TIME, null, Map.of()));
    }

    static ConversionEvent conversion(KeyMode mode, EventType type, ClientEventId clientEventId,
            ConversionDetails details) {
        return ConversionTestData.aConversion().withId(ConversionId.parse(CONVERSION_ID))
                .ofAccount(AccountId.parse("0193a5d2-0000-7000-8000-000000000001"))
                .onSite(SiteId.parse("0193a5d2-0000-7000-8000-000000000002")).inMode(mode)
                .byUser(new TelegramUserId(TELEGRAM_USER)).ofType(type).withClientEventId(clientEventId)
                .withDetails(details).createdAt(EVENT_TIME).build();
    }

    static Money usd(String amount) {
        return new Money(new BigDecimal(amount), Money.currency("usd"));
    }
}
