package io.adtarget.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adtarget.application.port.in.ChannelChange;
import io.adtarget.application.port.in.ManageSitesUseCase;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.http.conversion.ConversionRequestParser;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.adtarget.http.support.FieldReader;
import io.adtarget.http.support.Json;
import io.adtarget.http.support.Responses;
import io.vertx.ext.web.RoutingContext;

/** Admin API: sites (Meta pixels) and the channels attached to them. */
public final class SiteAdminHandlers {
    private final ManageSitesUseCase sites;

    public SiteAdminHandlers(ManageSitesUseCase sites) {
        this.sites = sites;
    }

    public void createSite(RoutingContext ctx) {
        AccountId accountId = AdminRequests.id(ctx, "accountId", AccountId::parse);
        sites.createSite(SiteRequestParser.create(AdminRequests.body(ctx), accountId))
                .onSuccess(created -> created.ifPresentOrElse(
                        site -> Responses.json(ctx, 201, AdminJson.site(site)),
                        () -> AdminRequests.notFound(ctx, "account")))
                .onFailure(ctx::fail);
    }

    public void getSite(RoutingContext ctx) {
        SiteId id = AdminRequests.id(ctx, "siteId", SiteId::parse);
        sites.getSite(id)
                .onSuccess(found -> found.ifPresentOrElse(
                        site -> Responses.json(ctx, 200, AdminJson.site(site)),
                        () -> AdminRequests.notFound(ctx, "site")))
                .onFailure(ctx::fail);
    }

    public void updateSite(RoutingContext ctx) {
        SiteId id = AdminRequests.id(ctx, "siteId", SiteId::parse);
        sites.updateSite(id, SiteRequestParser.patch(AdminRequests.body(ctx)))
                .onSuccess(updated -> updated.ifPresentOrElse(
                        site -> Responses.json(ctx, 200, AdminJson.site(site)),
                        () -> AdminRequests.notFound(ctx, "site")))
                .onFailure(ctx::fail);
    }

    public void attachChannel(RoutingContext ctx) {
        SiteId siteId = AdminRequests.id(ctx, "siteId", SiteId::parse);
        FieldReader in = new FieldReader(Json.parseObject(AdminRequests.body(ctx)));
        ChannelId channelId = in.convert("channelId", ConversionRequestParser.channelText(in, "channelId", true),
                ChannelId::new);
        in.throwIfInvalid();
        sites.attachChannel(siteId, channelId).onSuccess(change -> {
            if (change instanceof ChannelChange.Done) {
                ObjectNode body = AdminJson.channel(siteId.toString(), channelId.value());
                Responses.json(ctx, 201, body);
            } else if (change instanceof ChannelChange.ChannelTaken) {
                ctx.fail(Problem.of(ProblemType.CONFLICT, "the account already has this channel on a site")
                        .toException());
            } else {
                AdminRequests.notFound(ctx, "site");
            }
        }).onFailure(ctx::fail);
    }

    public void detachChannel(RoutingContext ctx) {
        SiteId siteId = AdminRequests.id(ctx, "siteId", SiteId::parse);
        ChannelId channelId = AdminRequests.id(ctx, "channelId", ChannelId::new);
        sites.detachChannel(siteId, channelId).onSuccess(change -> {
            if (change instanceof ChannelChange.Done) {
                Responses.noContent(ctx);
            } else if (change instanceof ChannelChange.ChannelNotAttached) {
                AdminRequests.notFound(ctx, "channel on this site");
            } else {
                AdminRequests.notFound(ctx, "site");
            }
        }).onFailure(ctx::fail);
    }
}
