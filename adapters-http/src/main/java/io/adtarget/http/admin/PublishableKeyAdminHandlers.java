package io.adtarget.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adtarget.application.port.in.IssuedPublishableKey;
import io.adtarget.application.port.in.ManagePublishableKeysUseCase;
import io.adtarget.domain.attribution.PublishableKey;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.shared.Uuids;
import io.adtarget.http.support.FieldReader;
import io.adtarget.http.support.Json;
import io.adtarget.http.support.Responses;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Admin API: a site's publishable keys (attribution.md). The secret is in the create answer only. */
public final class PublishableKeyAdminHandlers {
    static final int MAX_ORIGINS = 50;
    private final ManagePublishableKeysUseCase keys;

    public PublishableKeyAdminHandlers(ManagePublishableKeysUseCase keys) {
        this.keys = keys;
    }

    public void create(RoutingContext ctx) {
        SiteId siteId = AdminRequests.id(ctx, "siteId", SiteId::parse);
        FieldReader in = new FieldReader(Json.parseObject(AdminRequests.body(ctx)));
        List<String> origins = origins(in);
        in.throwIfInvalid();
        keys.create(siteId, origins).onSuccess(created -> created.ifPresentOrElse(
                issued -> Responses.json(ctx, 201, json(issued)),
                () -> AdminRequests.notFound(ctx, "site"))).onFailure(ctx::fail);
    }

    public void revoke(RoutingContext ctx) {
        UUID id = AdminRequests.id(ctx, "publishableKeyId", Uuids::parseStrict);
        keys.revoke(id).onSuccess(done -> {
            if (done) {
                Responses.noContent(ctx);
            } else {
                AdminRequests.notFound(ctx, "publishable key");
            }
        }).onFailure(ctx::fail);
    }

    private static List<String> origins(FieldReader in) {
        JsonNode raw = in.raw("allowedOrigins");
        List<String> origins = new ArrayList<>();
        if (raw == null || !raw.isArray() || raw.isEmpty() || raw.size() > MAX_ORIGINS) {
            in.fail("allowedOrigins", "must be an array of 1-" + MAX_ORIGINS + " origins such as https://shop.example");
            return origins;
        }
        for (JsonNode origin : raw) {
            if (!origin.isTextual() || !PublishableKey.isOrigin(origin.textValue())) {
                in.fail("allowedOrigins", "each must be an origin: http(s)://host[:port], no path");
                return origins;
            }
            origins.add(origin.textValue());
        }
        return origins;
    }

    private static ObjectNode json(IssuedPublishableKey issued) {
        PublishableKey key = issued.key();
        ObjectNode out = Json.object().put("id", key.id().toString()).put("siteId", key.siteId().toString())
                .put("key", issued.secret()).put("prefix", key.prefix());
        ArrayNode origins = out.putArray("allowedOrigins");
        key.allowedOrigins().forEach(origins::add);
        return out.put("createdAt", Json.time(key.createdAt()));
    }
}
