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
import io.adtarget.domain.userdata.ActionSource;
import io.adtarget.domain.userdata.DataProcessingOptions;
import io.adtarget.domain.userdata.HashedField;
import io.adtarget.domain.userdata.MatchData;
import io.adtarget.domain.userdata.UserData;
import io.adtarget.domain.userdata.UserDataInput;
import io.adtarget.domain.userdata.UserDataNormaliser;
import io.adtarget.domain.userdata.UserDataResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds conversion candidates for one account and site. */
public record ConversionSamples(AccountId account, SiteId site, SplittableRandom random) {
    public static final Instant T0 = Instant.parse("2025-03-01T12:00:00.123456Z");

    public ConversionEvent candidate(long user, String eventId, String amount, Instant now) {
        return ConversionTestData.aConversion().withIdFrom(random).ofAccount(account).onSite(site)
                .byUser(new TelegramUserId(user)).ofType(new EventType("Purchase"))
                .withClientEventId(eventId == null ? null : new ClientEventId(eventId)).withDetails(details(amount))
                .createdAt(now).build();
    }

    /** A candidate carrying user data, a website action source and LDU options. */
    ConversionEvent withMatchData(long user, String eventId, MatchData matchData, Instant now) {
        ConversionDetails plain = details("5");
        return ConversionTestData.aConversion().withIdFrom(random).ofAccount(account).onSite(site)
                .byUser(new TelegramUserId(user)).ofType(new EventType("Purchase"))
                .withClientEventId(eventId == null ? null : new ClientEventId(eventId))
                .withDetails(new ConversionDetails(plain.value(), plain.eventTime(), plain.eventSourceUrl(),
                        plain.customData(), matchData))
                .createdAt(now).build();
    }

    static MatchData matchData(String email, String ip) {
        UserDataInput input = new UserDataInput(Map.of(HashedField.EMAIL, email, HashedField.PHONE, "+1 650 555 1212",
                HashedField.EXTERNAL_ID, "crm-42"), ip, "Mozilla/5.0 (X11)",
                "fb.1.1554763741205.AbCdEf", "fb.1.1596403881668.1116446470", null);
        UserData data = ((UserDataResult.Accepted) UserDataNormaliser.normalise(input, T0)).userData();
        return new MatchData(data, ActionSource.WEBSITE, new DataProcessingOptions(true, 1, 1000));
    }

    public static ConversionDetails details(String amount) {
        return new ConversionDetails(new Money(new BigDecimal(amount), Money.currency("EUR")),
                Instant.parse("2025-03-01T11:59:00Z"), "https://t.me/example",
                Map.of("order_id", "A-" + amount, "items", List.of(Map.of("id", "sku-1", "quantity", 2)),
                        "vip", true));
    }
}
