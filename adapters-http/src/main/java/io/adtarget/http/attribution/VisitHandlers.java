package io.adtarget.http.attribution;

import io.adtarget.application.port.in.CaptureVisitResult;
import io.adtarget.application.port.in.CaptureVisitUseCase;
import io.adtarget.domain.shared.Uuids;
import io.adtarget.domain.userdata.FacebookBrowserId;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.adtarget.http.support.FieldReader;
import io.adtarget.http.support.Json;
import io.adtarget.http.support.Responses;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.UUID;

/** {@code POST /api/v1/visits} and {@code PATCH /api/v1/visits/{visitId}}, after key, origin and rate limit. */
public final class VisitHandlers {
    private final CaptureVisitUseCase visits;
    private final Clock clock;

    public VisitHandlers(CaptureVisitUseCase visits, Clock clock) {
        this.visits = visits;
        this.clock = clock;
    }

    public void capture(RoutingContext ctx) {
        var command = VisitRequestParser.parse(body(ctx), VisitContext.key(ctx), VisitContext.clientIp(ctx),
                ctx.request().getHeader("User-Agent"), clock.instant());
        visits.capture(command).onSuccess(result -> {
            if (result instanceof CaptureVisitResult.Captured captured) {
                Responses.json(ctx, 201, AttributionJson.captured(captured.visit()));
            } else if (result instanceof CaptureVisitResult.ChannelNotFound) {
                ctx.fail(Problem.validation("channelId", "is not a channel of this key's site").toException());
            } else if (result instanceof CaptureVisitResult.TelegramNotConnected) {
                ctx.fail(Problem.of(ProblemType.TELEGRAM_NOT_CONFIGURED,
                        "this site has no Telegram bot connected (PUT /admin/v1/sites/{siteId}/telegram)").toException());
            } else if (result instanceof CaptureVisitResult.TelegramUnavailable unavailable) {
                ctx.fail(Problem.of(ProblemType.SERVICE_UNAVAILABLE, unavailable.reason() + "; nothing was stored")
                        .withHeader("Retry-After", "5").toException());
            }
        }).onFailure(ctx::fail);
    }

    public void updateFbp(RoutingContext ctx) {
        UUID visitId;
        try {
            visitId = Uuids.parseStrict(ctx.pathParam("visitId"));
        } catch (IllegalArgumentException e) {
            ctx.fail(Problem.of(ProblemType.NOT_FOUND, "no visit with this id").toException());
            return;
        }
        FieldReader in = new FieldReader(Json.parseObject(body(ctx)));
        if (in.raw("fbp") == null) {
            in.fail("fbp", "is required");
        }
        FacebookBrowserId fbp = VisitRequestParser.fbp(in, "fbp");
        in.throwIfInvalid();
        visits.updateFbp(VisitContext.key(ctx), visitId, fbp).onSuccess(found -> found.ifPresentOrElse(
                visit -> Responses.json(ctx, 200, AttributionJson.visit(visit)),
                () -> ctx.fail(Problem.of(ProblemType.NOT_FOUND, "no visit with this id").toException())))
                .onFailure(ctx::fail);
    }

    private static byte[] body(RoutingContext ctx) {
        return ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    }
}
