package io.adtarget.application.service;

import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.application.port.in.HandleTelegramUpdateUseCase;
import io.adtarget.application.port.in.RecordConversionCommand;
import io.adtarget.application.port.in.RecordConversionUseCase;
import io.adtarget.application.port.out.MembershipLog;
import io.adtarget.application.port.out.SiteRepository;
import io.adtarget.application.port.out.TelegramBotApi;
import io.adtarget.application.port.out.TelegramConnectionRepository;
import io.adtarget.application.port.out.Telemetry;
import io.adtarget.application.port.out.VisitRepository;
import io.adtarget.domain.attribution.InviteMode;
import io.adtarget.domain.attribution.MembershipEvent;
import io.adtarget.domain.attribution.TelegramConnection;
import io.adtarget.domain.attribution.TelegramUpdate;
import io.adtarget.domain.attribution.Visit;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.ConversionOrigin;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.Sha256;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.Site;
import io.adtarget.domain.userdata.ActionSource;
import io.adtarget.domain.userdata.MatchData;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The join webhook (attribution.md §Telegram webhook): checks the secret in constant time, processes each
 * update_id once per site, and turns a join through one of our invite links into a Subscribe recorded through
 * {@link RecordConversionUseCase}, the same upsert and delivery as the API (so Telegram's re-sends and a second
 * join make no second conversion within the dedup window). Everything else is recorded (organic join, leave)
 * or ignored; nothing outside the site's channels is touched.
 */
public final class TelegramUpdateService implements HandleTelegramUpdateUseCase {
    private final TelegramConnectionRepository connections;
    private final SiteRepository sites;
    private final VisitRepository visits;
    private final MembershipLog log;
    private final TelegramBotApi telegram;
    private final RecordConversionUseCase recordConversion;
    private final Telemetry telemetry;
    private final Clock clock;

    public TelegramUpdateService(TelegramConnectionRepository connections, SiteRepository sites,
            VisitRepository visits, MembershipLog log, TelegramBotApi telegram, RecordConversionUseCase recordConversion,
            Telemetry telemetry, Clock clock) {
        this.connections = connections;
        this.sites = sites;
        this.visits = visits;
        this.log = log;
        this.telegram = telegram;
        this.recordConversion = recordConversion;
        this.telemetry = telemetry;
        this.clock = clock;
    }

    @Override
    public Future<Outcome> handle(SiteId siteId, String presentedSecret, TelegramUpdate update) {
        return connections.find(siteId).compose(connection -> {
            if (connection.isEmpty() || !secretMatches(connection.get().webhookSecretHash(), presentedSecret)) {
                return done(Outcome.UNAUTHORIZED, "unauthorized");
            }
            if (update instanceof TelegramUpdate.Ignored ignored) {
                return done(Outcome.IGNORED, "ignored-" + ignored.reason());
            }
            return log.processed(siteId, update.updateId()).compose(seen -> seen
                    ? done(Outcome.DUPLICATE, "duplicate")
                    : sites.findById(siteId).compose(site -> onChannel(site, connection.get(), update)));
        });
    }

    private Future<Outcome> onChannel(Optional<Site> site, TelegramConnection connection, TelegramUpdate update) {
        ChannelId chat = update instanceof TelegramUpdate.MemberChange change ? change.chat()
                : ((TelegramUpdate.JoinRequest) update).chat();
        if (site.isEmpty() || !site.get().channels().contains(chat)) {
            return done(Outcome.IGNORED, "ignored-other-chat");
        }
        if (update instanceof TelegramUpdate.MemberChange change) {
            return change.joined()
                    ? join(site.get(), change.updateId(), chat, change.user(), change.inviteLink())
                    : record(site.get(), update.updateId(), chat, change.user(), MembershipEvent.Kind.LEAVE, null);
        }
        TelegramUpdate.JoinRequest request = (TelegramUpdate.JoinRequest) update;
        return ourVisit(site.get(), chat, request.inviteLink()).compose(visit -> {
            if (visit.isEmpty()) {
                // not through one of our links: the channel's admins decide; we neither approve nor count it
                return done(Outcome.IGNORED, "ignored-foreign-join-request");
            }
            if (connection.inviteMode() != InviteMode.JOIN_REQUEST) {
                return attribute(site.get(), request.updateId(), chat, request.user(), visit.get());
            }
            return telegram.approveChatJoinRequest(connection.botToken(), chat.value(), request.user().value())
                    .compose(answer -> answer instanceof TelegramBotApi.Answer.Unreachable
                            // Telegram re-sends an update we did not acknowledge: approve and attribute then
                            ? done(Outcome.RETRY_LATER, "retry-later")
                            : attribute(site.get(), request.updateId(), chat, request.user(), visit.get()));
        });
    }

    private Future<Outcome> join(Site site, long updateId, ChannelId chat, TelegramUserId user, String inviteLink) {
        return ourVisit(site, chat, inviteLink).compose(visit -> visit.isPresent()
                ? attribute(site, updateId, chat, user, visit.get())
                : record(site, updateId, chat, user, MembershipEvent.Kind.JOIN_ORGANIC, null));
    }

    private Future<Optional<Visit>> ourVisit(Site site, ChannelId chat, String inviteLink) {
        if (inviteLink == null) {
            return Future.succeededFuture(Optional.empty());
        }
        return visits.findByInviteLink(site.id(), inviteLink)
                .map(found -> found.filter(visit -> visit.channelId().equals(chat)));
    }

    private Future<Outcome> attribute(Site site, long updateId, ChannelId chat, TelegramUserId user, Visit visit) {
        Instant now = Now.of(clock);
        // A join is no API call: its principal is the site's account with a key id derived from the site, live.
        ApiPrincipal principal = new ApiPrincipal(site.accountId(),
                new ApiKeyId(UUID.nameUUIDFromBytes(("telegram-join:" + site.id()).getBytes(StandardCharsets.UTF_8))),
                KeyMode.LIVE);
        RecordConversionCommand subscribe = new RecordConversionCommand(principal, user, chat,
                new EventType("Subscribe"), null, now, null, visit.landingUrl(), Map.of(),
                new MatchData(visit.userData(), ActionSource.DEFAULT, null), ConversionOrigin.telegramJoin(visit.id()));
        return recordConversion.record(subscribe)
                .compose(recorded -> record(site, updateId, chat, user, MembershipEvent.Kind.JOIN_ATTRIBUTED,
                        visit.id()));
    }

    private Future<Outcome> record(Site site, long updateId, ChannelId chat, TelegramUserId user,
            MembershipEvent.Kind kind, UUID visitId) {
        return log.record(new MembershipEvent(site.id(), updateId, site.accountId(), chat, user, kind, visitId,
                        Now.of(clock)))
                .compose(first -> first ? done(Outcome.RECORDED, kind.slug()) : done(Outcome.DUPLICATE, "duplicate"));
    }

    private Future<Outcome> done(Outcome outcome, String label) {
        telemetry.telegramUpdate(label);
        return Future.succeededFuture(outcome);
    }

    /** Compares digests, so the time taken says nothing about how much of the secret was right. */
    private static boolean secretMatches(String expectedHash, String presented) {
        return presented != null && MessageDigest.isEqual(expectedHash.getBytes(StandardCharsets.US_ASCII),
                Sha256.hex(presented).getBytes(StandardCharsets.US_ASCII));
    }
}
