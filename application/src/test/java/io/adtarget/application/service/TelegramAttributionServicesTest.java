package io.adtarget.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.in.CaptureVisitCommand;
import io.adtarget.application.port.in.CaptureVisitResult;
import io.adtarget.application.port.in.ChannelStats;
import io.adtarget.application.port.in.HandleTelegramUpdateUseCase.Outcome;
import io.adtarget.application.port.in.RecordConversionCommand;
import io.adtarget.application.port.in.RecordConversionResult;
import io.adtarget.application.port.in.TelegramConnectionResult;
import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.fake.InMemorySites;
import io.adtarget.application.fake.MutableClock;
import io.adtarget.application.port.out.MembershipLog;
import io.adtarget.application.port.out.TelegramBotApi;
import io.adtarget.application.port.out.TelegramConnectionRepository;
import io.adtarget.application.port.out.Telemetry;
import io.adtarget.application.port.out.VisitRepository;
import io.adtarget.domain.attribution.InviteMode;
import io.adtarget.domain.attribution.MembershipEvent;
import io.adtarget.domain.attribution.PublishableKey;
import io.adtarget.domain.attribution.TelegramConnection;
import io.adtarget.domain.attribution.TelegramUpdate;
import io.adtarget.domain.attribution.Visit;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.Sha256;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.Site;
import io.adtarget.domain.telegram.BotToken;
import io.adtarget.domain.userdata.ClientIpAddress;
import io.adtarget.domain.userdata.ClientUserAgent;
import io.adtarget.domain.userdata.FacebookClickId;
import io.adtarget.domain.userdata.MatchData;
import io.adtarget.domain.userdata.UserData;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The attribution services over in-memory stubs of their ports (the Bot API port included): no I/O. */
class TelegramAttributionServicesTest {
    static final BotToken BOT = new BotToken("123:AAbotTokenSecretPart000000");
    final MutableClock clock = new MutableClock();
    final InMemorySites sites = new InMemorySites();
    final StubBotApi telegram = new StubBotApi();
    final Connections connections = new Connections();
    final Visits visits = new Visits();
    final Log log = new Log();
    final List<RecordConversionCommand> recorded = new ArrayList<>();
    final AttributionSettings settings = AttributionSettings.defaults().withPublicBaseUrl(URI.create("https://a.example"));
    Site site;

    TelegramAttributionServicesTest() {
        site = sites.insert(new Site(Fixtures.SITE, Fixtures.ACCOUNT, "Shop", Fixtures.PIXEL, Fixtures.TOKEN, null, true,
                List.of(), clock.instant(), clock.instant())).result();
        sites.attachChannel(Fixtures.SITE, Fixtures.ACCOUNT, Fixtures.CHANNEL);
    }

    @Test
    void without_a_public_base_url_a_connection_is_refused_before_telegram_is_called() {
        var service = new TelegramConnectionService(connections, sites, telegram, AttributionSettings.defaults(), clock,
                new Random(1));

        assertThat(service.connect(Fixtures.SITE, BOT, InviteMode.MEMBER_LIMIT).result())
                .isInstanceOf(TelegramConnectionResult.PublicBaseUrlMissing.class);
        assertThat(telegram.calls).isEmpty();
        assertThat(connections.byId).isEmpty();
    }

    @Test
    void a_token_telegram_refuses_stores_nothing_and_registers_no_webhook() {
        telegram.getMe = new TelegramBotApi.Answer.Refused<>(401, "Unauthorized");
        var service = new TelegramConnectionService(connections, sites, telegram, settings, clock, new Random(1));

        assertThat(service.connect(Fixtures.SITE, BOT, InviteMode.MEMBER_LIMIT).result())
                .isEqualTo(new TelegramConnectionResult.TokenRefused("Unauthorized"));
        assertThat(telegram.calls).containsExactly("getMe");
        assertThat(connections.byId).isEmpty();
    }

    @Test
    void a_connection_stores_only_the_hash_of_the_secret_it_registered() {
        var service = new TelegramConnectionService(connections, sites, telegram, settings, clock, new Random(1));

        service.connect(Fixtures.SITE, BOT, InviteMode.JOIN_REQUEST).result();

        assertThat(telegram.registered.url()).isEqualTo("https://a.example/webhooks/telegram/" + Fixtures.SITE);
        assertThat(connections.byId.get(Fixtures.SITE).webhookSecretHash())
                .isEqualTo(Sha256.hex(telegram.registered.secretToken()));
    }

    @Test
    void a_visit_telegram_gives_no_link_for_is_not_stored() {
        connected(InviteMode.MEMBER_LIMIT);
        telegram.inviteLink = new TelegramBotApi.Answer.Unreachable<>("timeout");
        var service = new VisitService(visits, sites, connections, telegram, settings, clock, new Random(1));

        CaptureVisitResult result = service.capture(command(Fixtures.CHANNEL)).result();

        assertThat(result).isInstanceOf(CaptureVisitResult.TelegramUnavailable.class);
        assertThat(visits.byId).isEmpty();
    }

    @Test
    void a_forged_secret_records_nothing_and_a_replayed_update_records_once() {
        connected(InviteMode.MEMBER_LIMIT);
        Visit visit = visits.insert(visit("https://t.me/+ours")).result();
        var service = updates();
        var join = new TelegramUpdate.MemberChange(10, Fixtures.CHANNEL, new TelegramUserId(77), true, "https://t.me/+ours");

        assertThat(service.handle(Fixtures.SITE, "forged", join).result()).isEqualTo(Outcome.UNAUTHORIZED);
        assertThat(service.handle(Fixtures.SITE, null, join).result()).isEqualTo(Outcome.UNAUTHORIZED);
        assertThat(log.events).isEmpty();
        assertThat(service.handle(Fixtures.SITE, "s3cret", join).result()).isEqualTo(Outcome.RECORDED);
        assertThat(service.handle(Fixtures.SITE, "s3cret", join).result()).isEqualTo(Outcome.DUPLICATE);

        assertThat(log.events).hasSize(1);
        assertThat(recorded).singleElement().satisfies(subscribe -> {
            assertThat(subscribe.eventType()).isEqualTo(new EventType("Subscribe"));
            assertThat(subscribe.origin().visitId()).isEqualTo(visit.id());
            assertThat(subscribe.matchData().userData().fbc()).isEqualTo(visit.fbc());
        });
    }

    @Test
    void another_chat_and_a_foreign_link_make_no_subscribe() {
        connected(InviteMode.MEMBER_LIMIT);
        var service = updates();

        assertThat(service.handle(Fixtures.SITE, "s3cret", new TelegramUpdate.MemberChange(11, new ChannelId("-100999"),
                new TelegramUserId(77), true, null)).result()).isEqualTo(Outcome.IGNORED);
        assertThat(service.handle(Fixtures.SITE, "s3cret", new TelegramUpdate.MemberChange(12, Fixtures.CHANNEL,
                new TelegramUserId(77), true, "https://t.me/+someone-elses")).result()).isEqualTo(Outcome.RECORDED);

        assertThat(recorded).isEmpty();
        assertThat(log.events).extracting(MembershipEvent::kind).containsExactly(MembershipEvent.Kind.JOIN_ORGANIC);
    }

    @Test
    void enrichment_fills_only_what_the_request_left_out_and_only_within_the_window() {
        Visit visit = visit("https://t.me/+ours");
        visits.attributed = Optional.of(visit);
        var enrichment = new VisitEnrichment(visits, Duration.ofHours(168));
        ClientUserAgent own = new ClientUserAgent("own agent");
        RecordConversionCommand command = new RecordConversionCommand(Fixtures.livePrincipal(), new TelegramUserId(77),
                Fixtures.CHANNEL, Fixtures.LEAD, null, null, null, null, Map.of(),
                new MatchData(new UserData(Map.of(), null, own, null, null), MatchData.NONE.actionSource(), null));

        UserData enriched = enrichment.enrich(command, clock.instant()).result().matchData().userData();

        assertThat(enriched.clientUserAgent()).isEqualTo(own);
        assertThat(enriched.fbc()).isEqualTo(visit.fbc());
        assertThat(enriched.clientIpAddress()).isEqualTo(visit.clientIp());
        assertThat(visits.askedSince).isEqualTo(clock.instant().minus(Duration.ofHours(168)));
    }

    private TelegramUpdateService updates() {
        return new TelegramUpdateService(connections, sites, visits, log, telegram, command -> {
            recorded.add(command);
            return Future.succeededFuture(new RecordConversionResult.ChannelNotFound());
        }, Telemetry.NOOP, clock);
    }

    private void connected(InviteMode mode) {
        connections.save(new TelegramConnection(Fixtures.SITE, BOT, "shop_bot", Sha256.hex("s3cret"), mode,
                clock.instant()));
    }

    private Visit visit(String link) {
        return new Visit(UUID.randomUUID(), Fixtures.ACCOUNT, Fixtures.SITE, Fixtures.CHANNEL,
                new FacebookClickId("fb.1.1764270000123.IwAR0unit"), null, new ClientIpAddress("192.0.2.1"),
                new ClientUserAgent("visit agent"), null, null, Map.of(), link, clock.instant(),
                clock.instant().plus(Duration.ofDays(1)));
    }

    private CaptureVisitCommand command(ChannelId channel) {
        PublishableKey key = new PublishableKey(UUID.randomUUID(), Fixtures.ACCOUNT, Fixtures.SITE, "atk_pub_abcd",
                "hash", List.of("https://shop.example"), clock.instant(), null);
        return new CaptureVisitCommand(key, channel, null, null, null, null, null, null, Map.of());
    }

    /** The Bot API port, scripted: every method answers Ok unless a test sets otherwise. */
    static final class StubBotApi implements TelegramBotApi {
        final List<String> calls = new ArrayList<>();
        Answer<BotIdentity> getMe = new Answer.Ok<>(new BotIdentity(123, "shop_bot"));
        Answer<InviteLink> inviteLink = new Answer.Ok<>(new InviteLink("https://t.me/+stub"));
        WebhookRegistration registered;

        @Override
        public Future<Answer<BotIdentity>> getMe(BotToken token) {
            calls.add("getMe");
            return Future.succeededFuture(getMe);
        }

        @Override
        public Future<Answer<InviteLink>> createChatInviteLink(BotToken token, InviteLinkRequest request) {
            calls.add("createChatInviteLink");
            return Future.succeededFuture(inviteLink);
        }

        @Override
        public Future<Answer<Void>> setWebhook(BotToken token, WebhookRegistration registration) {
            calls.add("setWebhook");
            registered = registration;
            return Future.succeededFuture(new Answer.Ok<>(null));
        }

        @Override
        public Future<Answer<Void>> deleteWebhook(BotToken token) {
            calls.add("deleteWebhook");
            return Future.succeededFuture(new Answer.Ok<>(null));
        }

        @Override
        public Future<Answer<Void>> approveChatJoinRequest(BotToken token, String chatId, long userId) {
            calls.add("approveChatJoinRequest");
            return Future.succeededFuture(new Answer.Ok<>(null));
        }
    }

    static final class Connections implements TelegramConnectionRepository {
        final Map<SiteId, TelegramConnection> byId = new HashMap<>();

        @Override
        public Future<TelegramConnection> save(TelegramConnection connection) {
            byId.put(connection.siteId(), connection);
            return Future.succeededFuture(connection);
        }

        @Override
        public Future<Optional<TelegramConnection>> find(SiteId siteId) {
            return Future.succeededFuture(Optional.ofNullable(byId.get(siteId)));
        }

        @Override
        public Future<Boolean> delete(SiteId siteId) {
            return Future.succeededFuture(byId.remove(siteId) != null);
        }
    }

    static final class Visits implements VisitRepository {
        final Map<UUID, Visit> byId = new HashMap<>();
        Optional<Visit> attributed = Optional.empty();
        Instant askedSince;

        @Override
        public Future<Visit> insert(Visit visit) {
            byId.put(visit.id(), visit);
            return Future.succeededFuture(visit);
        }

        @Override
        public Future<Optional<Visit>> find(SiteId siteId, UUID visitId) {
            return Future.succeededFuture(Optional.ofNullable(byId.get(visitId)).filter(v -> v.siteId().equals(siteId)));
        }

        @Override
        public Future<Optional<Visit>> update(Visit visit) {
            byId.put(visit.id(), visit);
            return Future.succeededFuture(Optional.of(visit));
        }

        @Override
        public Future<Optional<Visit>> findByInviteLink(SiteId siteId, String inviteLink) {
            return Future.succeededFuture(byId.values().stream()
                    .filter(v -> v.siteId().equals(siteId) && inviteLink.equals(v.inviteLink())).findFirst());
        }

        @Override
        public Future<Optional<Visit>> latestAttributed(AccountId accountId, TelegramUserId user, Instant since) {
            askedSince = since;
            return Future.succeededFuture(attributed);
        }

        @Override
        public Future<Integer> purgeBatch(Instant cutoff, int limit) {
            return Future.succeededFuture(0);
        }
    }

    static final class Log implements MembershipLog {
        final List<MembershipEvent> events = new ArrayList<>();

        @Override
        public Future<Boolean> processed(SiteId siteId, long updateId) {
            return Future.succeededFuture(events.stream().anyMatch(e -> e.updateId() == updateId));
        }

        @Override
        public Future<Boolean> record(MembershipEvent event) {
            if (events.stream().anyMatch(e -> e.updateId() == event.updateId())) {
                return Future.succeededFuture(false);
            }
            events.add(event);
            return Future.succeededFuture(true);
        }

        @Override
        public Future<ChannelStats> stats(AccountId accountId, ChannelId channelId, Instant from, Instant to) {
            return Future.failedFuture(new UnsupportedOperationException());
        }
    }
}
