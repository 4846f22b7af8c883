package io.adtarget.bootstrap.e2e;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/** A customer provisioned through the admin API: account, one API key, one site with one channel. */
public record Tenant(String accountId, String apiKey, String apiKeyId, String siteId, String channelId,
        String accessToken) {

    static Tenant provision(RunningService service, String mode, boolean withMeta, String testEventCode,
            String channelId) {
        JsonObject account = service.admin(HttpMethod.POST, "/admin/v1/accounts",
                new JsonObject().put("name", "Acme " + mode), 201);
        String accountId = account.getString("id");
        JsonObject key = service.admin(HttpMethod.POST, "/admin/v1/accounts/" + accountId + "/api-keys",
                new JsonObject().put("name", "key " + mode).put("mode", mode), 201);
        String token = "EAAtoken" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        JsonObject siteBody = new JsonObject().put("name", "Shop");
        if (withMeta) {
            siteBody.put("metaPixelId", "123456789012345").put("metaAccessToken", token);
        }
        if (testEventCode != null) {
            siteBody.put("testEventCode", testEventCode);
        }
        JsonObject site = service.admin(HttpMethod.POST, "/admin/v1/accounts/" + accountId + "/sites", siteBody, 201);
        service.admin(HttpMethod.POST, "/admin/v1/sites/" + site.getString("id") + "/channels",
                new JsonObject().put("channelId", channelId), 201);
        return new Tenant(accountId, key.getString("key"), key.getString("id"), site.getString("id"), channelId,
                token);
    }

    /** Issues a second API key of this account. */
    public String issueKey(RunningService service, String mode) {
        return service.admin(HttpMethod.POST, "/admin/v1/accounts/" + accountId + "/api-keys",
                new JsonObject().put("name", "another " + mode).put("mode", mode), 201).getString("key");
    }

    /** The seed document's example purchase on this tenant's channel. */
    public JsonObject purchase(long telegramUserId) {
        return new JsonObject().put("telegramUserId", telegramUserId).put("channelId", channelId)
                .put("eventType", "Purchase").put("value", 49.00).put("currency", "USD");
    }
}
