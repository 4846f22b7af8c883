package io.adtarget.http.conversion;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.application.port.in.GetConversionUseCase;
import io.adtarget.application.port.in.ListConversionsUseCase;
import io.adtarget.application.port.in.ListDeliveryAttemptsUseCase;
import io.adtarget.application.port.in.ConversionQuery;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.shared.Uuids;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.adtarget.http.support.Json;
import io.adtarget.http.support.Keys;
import io.adtarget.http.support.Responses;
import io.vertx.ext.web.RoutingContext;

/** GET by id and GET list of the caller's conversions. */
public final class ReadConversionHandlers {
    private final GetConversionUseCase getConversion;
    private final ListConversionsUseCase listConversions;
    private final ListDeliveryAttemptsUseCase attempts;

    public ReadConversionHandlers(GetConversionUseCase getConversion, ListConversionsUseCase listConversions,
            ListDeliveryAttemptsUseCase attempts) {
        this.getConversion = getConversion;
        this.listConversions = listConversions;
        this.attempts = attempts;
    }

    /** The conversion's calls to Meta; another account's conversion is not found. */
    public void attempts(RoutingContext ctx) {
        ApiPrincipal principal = ctx.get(Keys.PRINCIPAL);
        String id = ctx.pathParam("conversionId");
        if (!Uuids.isCanonical(id)) {
            ctx.fail(notFound().toException());
            return;
        }
        attempts.attempts(principal.accountId(), ConversionId.parse(id))
                .onSuccess(found -> found.ifPresentOrElse(
                        list -> Responses.json(ctx, 200, AttemptJson.render(id, list)),
                        () -> ctx.fail(notFound().toException())))
                .onFailure(ctx::fail);
    }

    public void get(RoutingContext ctx) {
        ApiPrincipal principal = ctx.get(Keys.PRINCIPAL);
        String id = ctx.pathParam("conversionId");
        if (!Uuids.isCanonical(id)) {
            ctx.fail(notFound().toException());
            return;
        }
        getConversion.get(principal.accountId(), ConversionId.parse(id))
                .onSuccess(found -> found.ifPresentOrElse(
                        conversion -> Responses.json(ctx, 200, ConversionJson.render(conversion, false)),
                        () -> ctx.fail(notFound().toException())))
                .onFailure(ctx::fail);
    }

    public void list(RoutingContext ctx) {
        ApiPrincipal principal = ctx.get(Keys.PRINCIPAL);
        ConversionQuery query = ListQueryParser.parse(ctx.queryParams(), principal.accountId());
        listConversions.list(query).onSuccess(page -> Responses.json(ctx, 200, page(page))).onFailure(ctx::fail);
    }

    static ObjectNode page(io.adtarget.application.port.in.ConversionPage page) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(conversion -> items.add(ConversionJson.render(conversion, false)));
        body.put("nextCursor", page.next() == null ? null : page.next().encode());
        body.set("coverage", CoverageJson.perSite(page.items()));
        return body;
    }

    static Problem notFound() {
        return Problem.of(ProblemType.NOT_FOUND, "no conversion with this id");
    }
}
