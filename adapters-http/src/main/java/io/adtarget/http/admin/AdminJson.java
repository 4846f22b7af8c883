package io.adtarget.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adtarget.application.port.in.IssuedApiKey;
import io.adtarget.domain.account.Account;
import io.adtarget.domain.site.Site;
import io.adtarget.http.support.Json;

/** The admin API's resources; a site shows whether it has a Meta token, never the token. */
final class AdminJson {
    private AdminJson() {
    }

    static ObjectNode account(Account account) {
        return Json.object()
                .put("id", account.id().toString())
                .put("name", account.name())
                .put("rateLimitPerSecond", account.rateLimitPerSecond())
                .put("createdAt", Json.time(account.createdAt()));
    }

    static ObjectNode issuedKey(IssuedApiKey issued) {
        return Json.object()
                .put("id", issued.key().id().toString())
                .put("name", issued.key().name())
                .put("mode", issued.key().mode().slug())
                .put("key", issued.secret().value())
                .put("prefix", issued.key().prefix())
                .put("createdAt", Json.time(issued.key().createdAt()));
    }

    static ObjectNode site(Site site) {
        ObjectNode out = Json.object()
                .put("id", site.id().toString())
                .put("accountId", site.accountId().toString())
                .put("name", site.name())
                .put("metaPixelId", site.metaPixelId() == null ? null : site.metaPixelId().value())
                .put("testEventCode", site.testEventCode() == null ? null : site.testEventCode().value())
                .put("enabled", site.enabled())
                .put("metaAccessTokenSet", site.metaAccessToken() != null);
        ArrayNode channels = out.putArray("channels");
        site.channels().forEach(channel -> channels.add(channel.value()));
        return out.put("createdAt", Json.time(site.createdAt())).put("updatedAt", Json.time(site.updatedAt()));
    }

    static ObjectNode channel(String siteId, String channelId) {
        return Json.object().put("siteId", siteId).put("channelId", channelId);
    }
}
