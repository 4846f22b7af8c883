package io.adtarget.application.service;

import static io.adtarget.application.fake.Completed.value;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.fake.InMemoryConversionRepository;
import io.adtarget.application.fake.InMemoryDistributedLock;
import io.adtarget.application.fake.InMemorySites;
import io.adtarget.application.fake.MutableClock;
import io.adtarget.application.fake.RecordingTelemetry;
import io.adtarget.application.fake.ScriptedConversionsGateway;
import io.adtarget.application.fake.VirtualTimers;
import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.application.port.in.RecordConversionCommand;
import io.adtarget.domain.conversion.ClientEventId;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.shared.Money;
import io.adtarget.domain.site.Site;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

/** The conversion services wired to fakes, as the composition root wires them to adapters. */
final class ConversionWorld {
    final MutableClock clock = new MutableClock();
    final InMemoryConversionRepository repository = new InMemoryConversionRepository();
    final InMemorySites sites = new InMemorySites();
    final ScriptedConversionsGateway gateway = new ScriptedConversionsGateway();
    final InMemoryDistributedLock lock = InMemoryDistributedLock.withoutTimeouts();
    final RecordingTelemetry telemetry = new RecordingTelemetry();
    /** Virtual time: a request waiting for a delivery in progress advances the clock as it polls. */
    final VirtualTimers timers = new VirtualTimers(clock);
    final ConversionSettings settings;
    final DeliverConversionService delivery;
    final RecordConversionService recorder;
    final RetryDueConversionsService worker;

    ConversionWorld(ConversionSettings settings) {
        this.settings = settings;
        delivery = new DeliverConversionService(repository, gateway, clock, new SplittableRandom(5), settings,
                telemetry);
        recorder = new RecordConversionService(sites, repository, lock, delivery, clock, new SplittableRandom(6),
                settings, telemetry, timers);
        worker = new RetryDueConversionsService(repository, sites, delivery, clock, settings);
    }

    ConversionWorld() {
        this(ConversionSettings.defaults());
    }

    /** Provisions {@code site} with its channels, as an operator would. */
    Site provision(Site site) {
        value(sites.insert(site));
        site.channels().forEach(channel -> value(sites.attachChannel(site.id(), site.accountId(), channel)));
        return value(sites.findById(site.id())).orElseThrow();
    }

    Instant now() {
        return clock.instant();
    }

    /** A stored conversion, as the repository would hold it after earlier requests. */
    ConversionEvent stored(ConversionEvent conversion) {
        return repository.seed(conversion.withVersion(1));
    }

    ConversionEvent reload(ConversionEvent conversion) {
        return value(repository.findById(conversion.id())).orElseThrow();
    }

    static RecordConversionCommand lead(ApiPrincipal principal, String amount, String eventId) {
        Money value = amount == null ? null : new Money(new BigDecimal(amount), Money.currency("EUR"));
        return new RecordConversionCommand(principal, Fixtures.USER, Fixtures.CHANNEL, Fixtures.LEAD, value, null,
                eventId == null ? null : new ClientEventId(eventId), "https://shop.example/a", Map.of("step", 1));
    }
}
