package io.adtarget.http;

import io.adtarget.application.fake.ConversionTestData;
import io.adtarget.application.port.in.RecordConversionCommand;
import io.adtarget.domain.conversion.ConversionDetails;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.shared.SiteId;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/** Builds stored conversions from recorded commands, in the states the responses must show. */
final class Conversions {
    static final SiteId SITE = new SiteId(UUID.fromString("00000000-0000-4000-8000-0000000000c1"));
    private static final SplittableRandom RANDOM = new SplittableRandom(5);

    private Conversions() {
    }

    static ConversionEvent pending(RecordConversionCommand c, Instant now) {
        return recorded(c, now).build();
    }

    static ConversionEvent sent(RecordConversionCommand c, Instant now) {
        return recorded(c, now).sent().build();
    }

    private static ConversionTestData recorded(RecordConversionCommand c, Instant now) {
        Instant eventTime = c.eventTime() == null ? now : c.eventTime();
        return ConversionTestData.aConversion().withIdFrom(RANDOM).ofAccount(c.principal().accountId()).onSite(SITE)
                .inMode(c.principal().mode()).byUser(c.telegramUserId()).inChannel(c.channelId())
                .ofType(c.eventType()).withClientEventId(c.clientEventId())
                .withDetails(new ConversionDetails(c.value(), eventTime, c.eventSourceUrl(), c.customData(),
                        c.matchData()))
                .createdAt(now);
    }
}
