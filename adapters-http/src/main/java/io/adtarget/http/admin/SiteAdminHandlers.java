package io.adtarget.http.admin;

import io.adtarget.application.port.in.ChannelChange;
import io.adtarget.application.port.in.ManageSitesUseCase;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.idempotency.StoredResponse;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.http.conversion.ConversionRequestParser;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.adtarget.http.support.FieldReader;
import io.adtarget.http.support.Json;
import io.adtarget.http.support.Responses;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/** Admin API: sites (Meta pixels) and the channels attached to them. */
public final class SiteAdminHandlers {
    private final ManageSitesUseCase sites;

    public SiteAdminHandlers(ManageSitesUseCase sites) {
        this.sites = sites;
    }

    /** Validates a create (throws its 400) and returns the action that creates the site. */
    public Supplier<Future<StoredResponse>> createSite(RoutingContext ctx) {
        AccountId accountId = AdminRequests.id(ctx, "accountId", AccountId::parse);
        var command = SiteRequestParser.create(AdminRequests.body(ctx), accountId);
        return () -> sites.createSite(command).map(created -> created
                .map(site -> AdminIdempotency.json(201, AdminJson.site(site)))
                .orElseGet(() -> AdminIdempotency.notFound(ctx, "account")));
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

    /** Validates an attach (throws its 400) and returns the action that attaches the channel. */
    public Supplier<Future<StoredResponse>> attachChannel(RoutingContext ctx) {
        SiteId siteId = AdminRequests.id(ctx, "siteId", SiteId::parse);
        FieldReader in = new FieldReader(Json.parseObject(AdminRequests.body(ctx)));
        ChannelId channelId = in.convert("channelId", ConversionRequestParser.channelText(in, "channelId", true),
                ChannelId::new);
        in.throwIfInvalid();
        return () -> sites.attachChannel(siteId, channelId).compose(change -> {
            if (change instanceof ChannelChange.Done) {
                return Future.succeededFuture(AdminIdempotency.json(201, AdminJson.channel(siteId.toString(),
                        channelId.value())));
            } else if (change instanceof ChannelChange.ChannelTaken) {
                return Future.failedFuture(Problem.of(ProblemType.CONFLICT,
                        "the account already has this channel on a site").toException());
            }
            return Future.succeededFuture(AdminIdempotency.notFound(ctx, "site"));
        });
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
