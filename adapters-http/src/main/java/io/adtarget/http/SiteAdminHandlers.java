package io.adtarget.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adtarget.application.port.in.ChannelChange;
import io.adtarget.application.port.in.ManageSitesUseCase;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.vertx.ext.web.RoutingContext;

/** Admin API: sites (Meta pixels) and the channels attached to them. */
final class SiteAdminHandlers {
    private final ManageSitesUseCase sites;

    SiteAdminHandlers(ManageSitesUseCase sites) {
        this.sites = sites;
    }

    void createSite(RoutingContext ctx) {
        AccountId accountId = AdminRequests.id(ctx, "accountId", AccountId::parse);
        sites.createSite(SiteRequestParser.create(AdminRequests.body(ctx), accountId))
                .onSuccess(created -> created.ifPresentOrElse(
                        site -> Responses.json(ctx, 201, AdminJson.site(site)),
                        () -> AdminRequests.notFound(ctx, "account")))
                .onFailure(ctx::fail);
    }

    void getSite(RoutingContext ctx) {
        SiteId id = AdminRequests.id(ctx, "siteId", SiteId::parse);
        sites.getSite(id)
                .onSuccess(found -> found.ifPresentOrElse(
                        site -> Responses.json(ctx, 200, AdminJson.site(site)),
                        () -> AdminRequests.notFound(ctx, "site")))
                .onFailure(ctx::fail);
    }

    void updateSite(RoutingContext ctx) {
        SiteId id = AdminRequests.id(ctx, "siteId", SiteId::parse);
        sites.updateSite(id, SiteRequestParser.patch(AdminRequests.body(ctx)))
                .onSuccess(updated -> updated.ifPresentOrElse(
                        site -> Responses.json(ctx, 200, AdminJson.site(site)),
                        () -> AdminRequests.notFound(ctx, "site")))
                .onFailure(ctx::fail);
    }

    void attachChannel(RoutingContext ctx) {
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

    void detachChannel(RoutingContext ctx) {
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
