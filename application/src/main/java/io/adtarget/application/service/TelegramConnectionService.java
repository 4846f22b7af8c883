package io.adtarget.application.service;

import io.adtarget.application.port.in.ConnectTelegramUseCase;
import io.adtarget.application.port.in.TelegramConnectionResult;
import io.adtarget.application.port.out.SiteRepository;
import io.adtarget.application.port.out.TelegramBotApi;
import io.adtarget.application.port.out.TelegramBotApi.Answer;
import io.adtarget.application.port.out.TelegramConnectionRepository;
import io.adtarget.domain.attribution.InviteMode;
import io.adtarget.domain.attribution.TelegramConnection;
import io.adtarget.domain.shared.Base62;
import io.adtarget.domain.shared.Sha256;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.telegram.BotToken;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Connects a site's bot: getMe (is the token good?), setWebhook with our URL and a fresh random secret_token,
 * then stores the connection (token sealed by the repository). Nothing is stored unless Telegram accepted both.
 */
public final class TelegramConnectionService implements ConnectTelegramUseCase {
    static final List<String> ALLOWED_UPDATES = List.of("chat_member", "chat_join_request");

    private final TelegramConnectionRepository connections;
    private final SiteRepository sites;
    private final TelegramBotApi telegram;
    private final AttributionSettings settings;
    private final Clock clock;
    private final RandomGenerator random;

    public TelegramConnectionService(TelegramConnectionRepository connections, SiteRepository sites,
            TelegramBotApi telegram, AttributionSettings settings, Clock clock, RandomGenerator random) {
        this.connections = connections;
        this.sites = sites;
        this.telegram = telegram;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Future<TelegramConnectionResult> connect(SiteId siteId, BotToken token, InviteMode mode) {
        if (settings.publicBaseUrl() == null) {
            return Future.succeededFuture(new TelegramConnectionResult.PublicBaseUrlMissing());
        }
        return sites.findById(siteId).compose(site -> site.isEmpty()
                ? Future.succeededFuture(new TelegramConnectionResult.SiteNotFound())
                : telegram.getMe(token).compose(me -> {
                    if (me instanceof Answer.Refused<TelegramBotApi.BotIdentity> refused) {
                        return Future.succeededFuture(new TelegramConnectionResult.TokenRefused(refused.description()));
                    }
                    if (!(me instanceof Answer.Ok<TelegramBotApi.BotIdentity> ok)) {
                        return Future.succeededFuture(new TelegramConnectionResult.TelegramUnavailable());
                    }
                    return register(siteId, token, mode, ok.value().username());
                }));
    }

    private Future<TelegramConnectionResult> register(SiteId siteId, BotToken token, InviteMode mode,
            String username) {
        String webhookUrl = settings.webhookUrl(siteId.toString());
        String secret = Base62.random(48, random);
        return telegram.setWebhook(token, new TelegramBotApi.WebhookRegistration(webhookUrl, secret, ALLOWED_UPDATES))
                .compose(answer -> {
                    if (answer instanceof Answer.Refused<Void> refused) {
                        return Future.succeededFuture(new TelegramConnectionResult.TokenRefused(
                                "setWebhook: " + refused.description()));
                    }
                    if (!(answer instanceof Answer.Ok<Void>)) {
                        return Future.succeededFuture(new TelegramConnectionResult.TelegramUnavailable());
                    }
                    return connections.save(new TelegramConnection(siteId, token, username, Sha256.hex(secret), mode,
                                    Now.of(clock)))
                            .map(saved -> new TelegramConnectionResult.Connected(siteId, username, webhookUrl, mode));
                });
    }

    @Override
    public Future<Boolean> disconnect(SiteId siteId) {
        return connections.find(siteId).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture(false);
            }
            // Whatever Telegram answers, the site stops accepting updates: without a stored secret every post is 401.
            return telegram.deleteWebhook(found.get().botToken()).compose(ignored -> connections.delete(siteId));
        });
    }
}
