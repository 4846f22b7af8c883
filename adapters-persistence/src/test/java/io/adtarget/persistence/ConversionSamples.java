package io.adtarget.persistence;

import io.adtarget.application.fake.ConversionTestData;
import io.adtarget.domain.conversion.ClientEventId;
import io.adtarget.domain.conversion.ConversionDetails;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.Money;
import io.adtarget.domain.shared.SiteId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds conversion candidates for one account and site. */
record ConversionSamples(AccountId account, SiteId site, SplittableRandom random) {
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00.123456Z");

    ConversionEvent candidate(long user, String eventId, String amount, Instant now) {
        return ConversionTestData.aConversion().withIdFrom(random).ofAccount(account).onSite(site)
                .byUser(new TelegramUserId(user)).ofType(new EventType("Purchase"))
                .withClientEventId(eventId == null ? null : new ClientEventId(eventId)).withDetails(details(amount))
                .createdAt(now).build();
    }

    static ConversionDetails details(String amount) {
        return new ConversionDetails(new Money(new BigDecimal(amount), Money.currency("EUR")),
                Instant.parse("2025-03-01T11:59:00Z"), "https://t.me/example",
                Map.of("order_id", "A-" + amount, "items", List.of(Map.of("id", "sku-1", "quantity", 2)),
                        "vip", true));
    }
}
