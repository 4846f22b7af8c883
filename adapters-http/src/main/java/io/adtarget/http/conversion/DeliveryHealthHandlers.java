package io.adtarget.http.conversion;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.application.port.in.ReportDeliveryHealthUseCase;
import io.adtarget.application.port.in.ReportDeliveryHealthUseCase.Report;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.SiteDeliveryHealth;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.Uuids;
import io.adtarget.domain.userdata.MatchCoverage;
import io.adtarget.domain.userdata.MatchSignal;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.adtarget.http.support.Json;
import io.adtarget.http.support.Keys;
import io.adtarget.http.support.Responses;
import io.vertx.ext.web.RoutingContext;

/** The DeliveryHealth resource: the caller's account (API key) or any account (admin), last 24 h per site. */
public final class DeliveryHealthHandlers {
    private final ReportDeliveryHealthUseCase health;

    public DeliveryHealthHandlers(ReportDeliveryHealthUseCase health) {
        this.health = health;
    }

    public void ofCaller(RoutingContext ctx) {
        ApiPrincipal principal = ctx.get(Keys.PRINCIPAL);
        respond(ctx, principal.accountId());
    }

    public void ofAccount(RoutingContext ctx) {
        String id = ctx.pathParam("accountId");
        if (!Uuids.isCanonical(id)) {
            throw Problem.of(ProblemType.NOT_FOUND, "no account with this id").toException();
        }
        respond(ctx, AccountId.parse(id));
    }

    private void respond(RoutingContext ctx, AccountId account) {
        health.report(account).onSuccess(report -> report.ifPresentOrElse(
                        found -> Responses.json(ctx, 200, render(found)),
                        () -> ctx.fail(Problem.of(ProblemType.NOT_FOUND, "no account with this id").toException())))
                .onFailure(ctx::fail);
    }

    static ObjectNode render(Report report) {
        ObjectNode out = Json.object().put("from", Json.time(report.from())).put("until", Json.time(report.until()));
        ArrayNode sites = out.putArray("sites");
        for (SiteDeliveryHealth site : report.sites()) {
            ObjectNode node = sites.addObject().put("siteId", site.siteId().toString()).put("name", site.siteName());
            ObjectNode counts = node.putObject("conversions");
            for (ConversionStatus status : ConversionStatus.values()) {
                counts.put(status.slug(), site.byStatus().get(status));
            }
            node.put("retryQueue", site.retryQueue());
            ArrayNode errors = node.putArray("metaErrors");
            site.metaErrors().forEach(error -> {
                ObjectNode e = errors.addObject().put("outcome", error.outcome());
                if (error.metaCode() == null) {
                    e.putNull("metaCode");
                } else {
                    e.put("metaCode", error.metaCode());
                }
                e.put("attempts", error.attempts());
            });
            MatchCoverage coverage = site.coverage();
            node.putObject("coverage")
                    .put("conversions", coverage.conversions())
                    .put("fbc", coverage.share(MatchSignal.FBC))
                    .put("fbp", coverage.share(MatchSignal.FBP))
                    .put("ipAndUserAgent", coverage.share(MatchSignal.IP_AND_USER_AGENT))
                    .put("emailOrPhone", coverage.share(MatchSignal.EMAIL_OR_PHONE));
            ArrayNode hourly = node.putArray("hourly");
            site.hourly().forEach(hour -> hourly.addObject().put("hour", Json.time(hour.start()))
                    .put("sent", hour.sent()).put("failed", hour.failed()).put("skipped", hour.skipped())
                    .put("pending", hour.pending()));
        }
        return out;
    }
}
