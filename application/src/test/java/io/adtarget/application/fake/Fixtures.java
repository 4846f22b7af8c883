package io.adtarget.application.fake;

import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.ClientEventId;
import io.adtarget.domain.conversion.ConversionDetails;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.Money;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.AccessToken;
import io.adtarget.domain.site.MetaPixelId;
import io.adtarget.domain.site.Site;
import io.adtarget.domain.site.TestEventCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/** Shared test data: one account with a live site on one channel, and conversions on it. */
public final class Fixtures {
    public static final AccountId ACCOUNT = new AccountId(UUID.fromString("00000000-0000-4000-8000-00000000000a"));
    public static final AccountId OTHER_ACCOUNT = new AccountId(UUID.fromString("00000000-0000-4000-8000-00000000000b"));
    public static final SiteId SITE = new SiteId(UUID.fromString("00000000-0000-4000-8000-0000000000c1"));
    public static final ApiKeyId LIVE_KEY = new ApiKeyId(UUID.fromString("00000000-0000-4000-8000-0000000000d1"));
    public static final ApiKeyId TEST_KEY = new ApiKeyId(UUID.fromString("00000000-0000-4000-8000-0000000000d2"));
    public static final ChannelId CHANNEL = new ChannelId("-1001234567890");
    public static final TelegramUserId USER = new TelegramUserId(4242);
    public static final EventType LEAD = new EventType("Lead");
    public static final MetaPixelId PIXEL = new MetaPixelId("123456789012345");
    public static final AccessToken TOKEN = new AccessToken("EAAB-secret-token");
    public static final TestEventCode TEST_CODE = new TestEventCode("TEST123");

    private Fixtures() {
    }

    public static ApiPrincipal livePrincipal() {
        return new ApiPrincipal(ACCOUNT, LIVE_KEY, KeyMode.LIVE);
    }

    public static ApiPrincipal testPrincipal() {
        return new ApiPrincipal(ACCOUNT, TEST_KEY, KeyMode.TEST);
    }

    /** An enabled site of {@link #ACCOUNT} with a Meta connection and a test event code. */
    public static Site site(Instant now) {
        return new Site(SITE, ACCOUNT, "Shop", PIXEL, TOKEN, TEST_CODE, true, List.of(CHANNEL), now, now);
    }

    public static Site siteWithoutMeta(Instant now) {
        return new Site(SITE, ACCOUNT, "Shop", null, null, null, true, List.of(CHANNEL), now, now);
    }

    public static Site disabledSite(Instant now) {
        return new Site(SITE, ACCOUNT, "Shop", PIXEL, TOKEN, TEST_CODE, false, List.of(CHANNEL), now, now);
    }

    public static Site siteWithoutTestCode(Instant now) {
        return new Site(SITE, ACCOUNT, "Shop", PIXEL, TOKEN, null, true, List.of(CHANNEL), now, now);
    }

    public static ConversionDetails details(String amount, Instant eventTime) {
        Money value = amount == null ? null : new Money(new BigDecimal(amount), Money.currency("USD"));
        return new ConversionDetails(value, eventTime, "https://shop.example/thanks", Map.of("plan", "pro"));
    }

    /** A new PENDING live Lead conversion of {@link #SITE} for {@link #USER}, created at {@code now}. */
    public static ConversionEvent pending(Instant now) {
        return pending(now, KeyMode.LIVE, null, new SplittableRandom(now.toEpochMilli()));
    }

    public static ConversionEvent pending(Instant now, KeyMode mode, ClientEventId eventId, SplittableRandom random) {
        return ConversionTestData.aConversion().inMode(mode).withClientEventId(eventId).withIdFrom(random)
                .createdAt(now).build();
    }
}
