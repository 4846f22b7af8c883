package io.adtarget.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.util.concurrent.TimeUnit;

/** Provisions one tenant through the admin API: account, live API key, site with pixel and token, channel. */
final class Provision {
  static final String CHANNEL = "-1001234567890";

  static JsonObject run(Vertx vertx, String baseUrl, String adminToken, String pixelId) {
    WebClient c = WebClient.create(vertx);
    try {
      JsonObject account = post(c, baseUrl + "/admin/v1/accounts", adminToken,
          new JsonObject().put("name", "bench"));
      String accountId = account.getString("id");
      JsonObject key = post(c, baseUrl + "/admin/v1/accounts/" + accountId + "/api-keys", adminToken,
          new JsonObject().put("name", "bench").put("mode", "live"));
      JsonObject site = post(c, baseUrl + "/admin/v1/accounts/" + accountId + "/sites", adminToken,
          new JsonObject().put("name", "bench").put("metaPixelId", pixelId)
              .put("metaAccessToken", "bench-token-not-a-secret").put("enabled", true));
      String siteId = site.getString("id");
      post(c, baseUrl + "/admin/v1/sites/" + siteId + "/channels", adminToken,
          new JsonObject().put("channelId", CHANNEL));
      return new JsonObject().put("accountId", accountId).put("apiKey", key.getString("key"))
          .put("apiKeyId", key.getString("id")).put("siteId", siteId).put("channelId", CHANNEL);
    } finally {
      c.close();
    }
  }

  private static JsonObject post(WebClient c, String url, String token, JsonObject body) {
    HttpResponse<Buffer> r = Engine.await(c.postAbs(url).bearerTokenAuthentication(token).timeout(10_000)
        .sendJsonObject(body), 15, TimeUnit.SECONDS);
    if (r.statusCode() != 201) {
      throw new IllegalStateException("POST " + url + " -> " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }
}
