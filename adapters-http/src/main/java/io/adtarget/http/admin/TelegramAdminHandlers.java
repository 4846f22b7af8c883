package io.adtarget.http.admin;

import io.adtarget.application.port.in.ConnectTelegramUseCase;
import io.adtarget.application.port.in.TelegramConnectionResult;
import io.adtarget.domain.attribution.InviteMode;
import io.adtarget.domain.shared.SecretScrubber;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.telegram.BotToken;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.adtarget.http.support.FieldReader;
import io.adtarget.http.support.Json;
import io.adtarget.http.support.Responses;
import io.vertx.ext.web.RoutingContext;

/**
 * Admin API: {@code PUT/DELETE /admin/v1/sites/{siteId}/telegram}. The bot token is write-only: no answer, error
 * or log line holds it ({@code botTokenSet: true} says it is stored).
 */
public final class TelegramAdminHandlers {
    private final ConnectTelegramUseCase telegram;

    public TelegramAdminHandlers(ConnectTelegramUseCase telegram) {
        this.telegram = telegram;
    }

    public void connect(RoutingContext ctx) {
        SiteId siteId = AdminRequests.id(ctx, "siteId", SiteId::parse);
        FieldReader in = new FieldReader(Json.parseObject(AdminRequests.body(ctx)));
        String tokenText = in.text("botToken", true);
        BotToken token = null;
        if (tokenText != null) {
            try {
                token = new BotToken(tokenText);
            } catch (IllegalArgumentException e) {
                in.fail("botToken", "must look like <bot id>:<secret> as BotFather issues it");
            }
        }
        String modeText = in.text("inviteMode", false);
        InviteMode mode = modeText == null ? InviteMode.MEMBER_LIMIT : InviteMode.fromSlug(modeText).orElse(null);
        if (mode == null) {
            in.fail("inviteMode", "must be member-limit or join-request");
        }
        in.throwIfInvalid();
        telegram.connect(siteId, token, mode).onSuccess(result -> {
            if (result instanceof TelegramConnectionResult.Connected c) {
                Responses.json(ctx, 200, Json.object().put("siteId", c.siteId().toString()).put("botTokenSet", true)
                        .put("botUsername", c.botUsername()).put("webhookUrl", c.webhookUrl())
                        .put("inviteMode", c.inviteMode().slug()));
            } else if (result instanceof TelegramConnectionResult.SiteNotFound) {
                AdminRequests.notFound(ctx, "site");
            } else if (result instanceof TelegramConnectionResult.TokenRefused refused) {
                ctx.fail(Problem.validation("botToken", "Telegram refused it: "
                        + SecretScrubber.scrub(refused.description(), "[redacted]")).toException());
            } else if (result instanceof TelegramConnectionResult.PublicBaseUrlMissing) {
                ctx.fail(Problem.of(ProblemType.TELEGRAM_NOT_CONFIGURED, "PUBLIC_BASE_URL is not set, so there is no"
                        + " https URL to register as the bot's webhook; set it to this service's public origin")
                        .toException());
            } else {
                ctx.fail(Problem.of(ProblemType.SERVICE_UNAVAILABLE, "Telegram did not answer; try again")
                        .withHeader("Retry-After", "5").toException());
            }
        }).onFailure(ctx::fail);
    }

    public void disconnect(RoutingContext ctx) {
        SiteId siteId = AdminRequests.id(ctx, "siteId", SiteId::parse);
        telegram.disconnect(siteId).onSuccess(done -> {
            if (done) {
                Responses.noContent(ctx);
            } else {
                AdminRequests.notFound(ctx, "Telegram connection for this site");
            }
        }).onFailure(ctx::fail);
    }
}
