package io.adtarget.application.service;

import io.adtarget.application.port.in.CaptureVisitCommand;
import io.adtarget.application.port.in.CaptureVisitResult;
import io.adtarget.application.port.in.CaptureVisitUseCase;
import io.adtarget.application.port.out.SiteRepository;
import io.adtarget.application.port.out.TelegramBotApi;
import io.adtarget.application.port.out.TelegramBotApi.Answer;
import io.adtarget.application.port.out.TelegramConnectionRepository;
import io.adtarget.application.port.out.VisitRepository;
import io.adtarget.domain.attribution.InviteMode;
import io.adtarget.domain.attribution.PublishableKey;
import io.adtarget.domain.attribution.TelegramConnection;
import io.adtarget.domain.attribution.Visit;
import io.adtarget.domain.shared.Ids;
import io.adtarget.domain.userdata.FacebookBrowserId;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Captures a landing-page visit: checks the channel is the key's site's, asks Telegram for an invite link
 * unique to the visit, then stores the visit with it. A link Telegram did not give stores nothing.
 */
public final class VisitService implements CaptureVisitUseCase {
    private final VisitRepository visits;
    private final SiteRepository sites;
    private final TelegramConnectionRepository connections;
    private final TelegramBotApi telegram;
    private final AttributionSettings settings;
    private final Clock clock;
    private final RandomGenerator random;

    public VisitService(VisitRepository visits, SiteRepository sites, TelegramConnectionRepository connections,
            TelegramBotApi telegram, AttributionSettings settings, Clock clock, RandomGenerator random) {
        this.visits = visits;
        this.sites = sites;
        this.connections = connections;
        this.telegram = telegram;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Future<CaptureVisitResult> capture(CaptureVisitCommand command) {
        PublishableKey key = command.key();
        return sites.findById(key.siteId()).compose(site -> {
            if (site.isEmpty() || !site.get().channels().contains(command.channelId())) {
                return Future.succeededFuture(new CaptureVisitResult.ChannelNotFound());
            }
            return connections.find(key.siteId()).compose(connection -> connection.isEmpty()
                    ? Future.succeededFuture(new CaptureVisitResult.TelegramNotConnected())
                    : withLink(command, connection.get()));
        });
    }

    private Future<CaptureVisitResult> withLink(CaptureVisitCommand command, TelegramConnection connection) {
        Instant now = Now.of(clock);
        UUID id = Ids.randomUuid(random);
        Instant expiresAt = now.plus(settings.visitLinkTtl());
        Visit visit = new Visit(id, command.key().accountId(), command.key().siteId(), command.channelId(),
                command.fbc(), command.fbp(), command.clientIp(), command.userAgent(), command.landingUrl(),
                command.referrer(), command.utm(), null, now, expiresAt);
        var request = new TelegramBotApi.InviteLinkRequest(command.channelId().value(), Visit.linkName(id), expiresAt,
                connection.inviteMode() == InviteMode.JOIN_REQUEST);
        return telegram.createChatInviteLink(connection.botToken(), request).compose(answer -> {
            if (answer instanceof Answer.Ok<TelegramBotApi.InviteLink> ok) {
                return visits.insert(visit.withInviteLink(ok.value().url())).map(CaptureVisitResult.Captured::new);
            }
            String reason = answer instanceof Answer.Refused<TelegramBotApi.InviteLink> refused
                    ? "Telegram refused createChatInviteLink: " + refused.description()
                    : "Telegram did not answer createChatInviteLink";
            return Future.succeededFuture(new CaptureVisitResult.TelegramUnavailable(reason));
        });
    }

    @Override
    public Future<Optional<Visit>> updateFbp(PublishableKey key, UUID visitId, FacebookBrowserId fbp) {
        return visits.find(key.siteId(), visitId).compose(found -> found.isEmpty()
                ? Future.succeededFuture(Optional.<Visit>empty())
                : visits.update(found.get().withFbp(fbp)));
    }
}
