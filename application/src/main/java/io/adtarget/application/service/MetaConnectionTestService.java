package io.adtarget.application.service;

import io.adtarget.application.port.in.MetaConnectionTestResult;
import io.adtarget.application.port.in.TestMetaConnectionUseCase;
import io.adtarget.application.port.out.ConversionsGateway;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.application.port.out.SiteRepository;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.ClientEventId;
import io.adtarget.domain.conversion.ConversionDetails;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.MetaConnection;
import io.adtarget.domain.site.Site;
import io.adtarget.domain.site.TestEventCode;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The Meta connection test: one synthetic {@code Lead} event, built in memory and never stored, goes through
 * the same gateway as deliveries (so the same pixel, token, URL and classification), with the operator's
 * {@code test_event_code} so Meta shows it in Test Events and counts it nowhere else. No conversion, attempt,
 * idempotency record or retry is written; the gateway's own log line and metrics see it as one more call.
 */
public final class MetaConnectionTestService implements TestMetaConnectionUseCase {
    static final EventType EVENT = new EventType("Lead");
    // a placeholder user: Meta requires some user_data; the external_id sent is this number's SHA-256
    private static final TelegramUserId TEST_USER = new TelegramUserId(1);
    private static final ChannelId NO_CHANNEL = new ChannelId("0");

    private final SiteRepository sites;
    private final ConversionsGateway gateway;
    private final boolean dryRun;
    private final Clock clock;
    private final RandomGenerator random;

    public MetaConnectionTestService(SiteRepository sites, ConversionsGateway gateway, boolean dryRun, Clock clock,
            RandomGenerator random) {
        this.sites = Objects.requireNonNull(sites, "sites");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.dryRun = dryRun;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Future<MetaConnectionTestResult> testMetaConnection(SiteId siteId, TestEventCode testEventCode) {
        Objects.requireNonNull(testEventCode, "testEventCode");
        return sites.findById(siteId).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture(new MetaConnectionTestResult.SiteNotFound());
            }
            Site site = found.get();
            if (site.metaPixelId() == null || site.metaAccessToken() == null) {
                return Future.succeededFuture(new MetaConnectionTestResult.MetaNotConfigured());
            }
            ConversionEvent event = testEvent(site);
            return gateway.send(new ConversionsGateway.DeliveryRequest(event,
                    new MetaConnection(site.metaPixelId(), site.metaAccessToken()), testEventCode))
                    .map(outcome -> answer(event, outcome));
        });
    }

    private ConversionEvent testEvent(Site site) {
        Instant now = Now.of(clock);
        ConversionId id = ConversionId.generate(now, random);
        ChannelId channel = site.channels().isEmpty() ? NO_CHANNEL : site.channels().get(0);
        ConversionDetails details = new ConversionDetails(null, now, null, Map.of("adtarget_connection_test", true));
        return ConversionEvent.create(id, site.accountId(), site.id(), KeyMode.TEST, TEST_USER, channel, EVENT,
                new ClientEventId("adtarget-connection-test-" + id), details, now);
    }

    private MetaConnectionTestResult answer(ConversionEvent event, DeliveryOutcome outcome) {
        String name = event.eventType().value();
        if (outcome instanceof DeliveryOutcome.Accepted accepted) {
            return new MetaConnectionTestResult.Answered(dryRun, name, event.eventId(), accepted.httpStatus(),
                    accepted.eventsReceived(), accepted.fbtraceId(), null, null);
        }
        DeliveryOutcome.Failed failed = (DeliveryOutcome.Failed) outcome;
        return new MetaConnectionTestResult.Answered(dryRun, name, event.eventId(), failed.httpStatus(), null,
                failed.error().fbtraceId(), failed.error(), failed.metaSubcode());
    }
}
