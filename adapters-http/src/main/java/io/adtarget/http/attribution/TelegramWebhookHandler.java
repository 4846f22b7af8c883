package io.adtarget.http.attribution;

import io.adtarget.application.port.in.HandleTelegramUpdateUseCase;
import io.adtarget.application.port.in.HandleTelegramUpdateUseCase.Outcome;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.adtarget.http.support.Json;
import io.adtarget.http.support.Responses;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /webhooks/telegram/{siteId}}: Telegram's update with {@code X-Telegram-Bot-Api-Secret-Token}.
 * A wrong or missing secret (or a site without a bot) is 401 with nothing recorded; every update we process or
 * ignore is 200 {@code {"ok": true}}; a failure we cannot get past now is 503, so Telegram sends it again.
 */
public final class TelegramWebhookHandler {
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private final HandleTelegramUpdateUseCase updates;

    public TelegramWebhookHandler(HandleTelegramUpdateUseCase updates) {
        this.updates = updates;
    }

    public void handle(RoutingContext ctx) {
        SiteId siteId;
        try {
            siteId = SiteId.parse(ctx.pathParam("siteId"));
        } catch (IllegalArgumentException e) {
            ctx.fail(unauthorized().toException());
            return;
        }
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        updates.handle(siteId, ctx.request().getHeader(SECRET_HEADER), TelegramUpdateParser.parse(body))
                .onSuccess(outcome -> {
                    if (outcome == Outcome.UNAUTHORIZED) {
                        ctx.fail(unauthorized().toException());
                    } else if (outcome == Outcome.RETRY_LATER) {
                        ctx.fail(Problem.of(ProblemType.SERVICE_UNAVAILABLE, "Telegram did not answer; send again")
                                .toException());
                    } else {
                        Responses.json(ctx, 200, Json.object().put("ok", true));
                    }
                }).onFailure(ctx::fail);
    }

    private static Problem unauthorized() {
        return Problem.of(ProblemType.UNAUTHORIZED, "the X-Telegram-Bot-Api-Secret-Token of this site's webhook is required");
    }
}
