package io.adtarget.application.fake;

import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.ClientEventId;
import io.adtarget.domain.conversion.ConversionDetails;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.ConversionIdentity;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The one builder of test conversions for every module's tests: {@code aConversion().sent().withAttempts(2).build()}.
 * Defaults are {@link Fixtures}' live Lead of {@link Fixtures#USER} on {@link Fixtures#SITE}, created at
 * {@link #T0}, with an id drawn from a source seeded by the creation time; each setter replaces one of them.
 */
public final class ConversionTestData {
    public static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    /** The lease each claim of {@link #withAttempts} and {@link #sent} takes. */
    public static final Duration LEASE = Duration.ofSeconds(10);

    private ConversionId id;
    private SplittableRandom idSource;
    private AccountId account = Fixtures.ACCOUNT;
    private SiteId site = Fixtures.SITE;
    private KeyMode mode = KeyMode.LIVE;
    private TelegramUserId user = Fixtures.USER;
    private ChannelId channel = Fixtures.CHANNEL;
    private EventType type = Fixtures.LEAD;
    private ClientEventId clientEventId;
    private ConversionDetails details;
    private Instant createdAt = T0;
    private int attempts;
    private String sentTrace;

    private ConversionTestData() {
    }

    public static ConversionTestData aConversion() {
        return new ConversionTestData();
    }

    public ConversionTestData withId(ConversionId value) {
        this.id = value;
        return this;
    }

    /** The id is generated at the creation time from {@code source} (one draw). */
    public ConversionTestData withIdFrom(SplittableRandom source) {
        this.idSource = source;
        return this;
    }

    public ConversionTestData ofAccount(AccountId value) {
        this.account = value;
        return this;
    }

    public ConversionTestData onSite(SiteId value) {
        this.site = value;
        return this;
    }

    public ConversionTestData inMode(KeyMode value) {
        this.mode = value;
        return this;
    }

    public ConversionTestData byUser(TelegramUserId value) {
        this.user = value;
        return this;
    }

    public ConversionTestData inChannel(ChannelId value) {
        this.channel = value;
        return this;
    }

    public ConversionTestData ofType(EventType value) {
        this.type = value;
        return this;
    }

    public ConversionTestData withClientEventId(ClientEventId value) {
        this.clientEventId = value;
        return this;
    }

    /** Defaults to {@code Fixtures.details("9.99", createdAt)}. */
    public ConversionTestData withDetails(ConversionDetails value) {
        this.details = value;
        return this;
    }

    public ConversionTestData createdAt(Instant value) {
        this.createdAt = value;
        return this;
    }

    /** Claimed this many times, the first at the creation time, each after the previous lease ran out. */
    public ConversionTestData withAttempts(int value) {
        this.attempts = value;
        return this;
    }

    /** Accepted by Meta (trace {@code trace-1}) 250 ms after the last claim; claimed once unless told otherwise. */
    public ConversionTestData sent() {
        this.sentTrace = "trace-1";
        return this;
    }

    public ConversionEvent build() {
        ConversionId conversionId = id != null ? id
                : ConversionId.generate(createdAt, idSource != null ? idSource
                        : new SplittableRandom(createdAt.toEpochMilli()));
        ConversionDetails conversionDetails = details != null ? details : Fixtures.details("9.99", createdAt);
        ConversionEvent event = ConversionEvent.create(new ConversionIdentity(conversionId, account, site, mode, user,
                channel, type, clientEventId, createdAt), conversionDetails);
        int claims = sentTrace != null ? Math.max(1, attempts) : attempts;
        Instant lastClaim = createdAt;
        for (int i = 0; i < claims; i++) {
            lastClaim = createdAt.plus(LEASE.multipliedBy(i));
            event = event.claimForDelivery(lastClaim, LEASE);
        }
        return sentTrace != null ? event.markSent(sentTrace, lastClaim.plusMillis(250)) : event;
    }
}
