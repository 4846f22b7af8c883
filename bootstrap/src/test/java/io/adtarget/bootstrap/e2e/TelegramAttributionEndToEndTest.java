package io.adtarget.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.testing.Database;
import io.adtarget.domain.shared.Sha256;
import io.adtarget.domain.telegram.BotToken;
import io.adtarget.meta.testing.ReceivedGraphRequest;
import io.adtarget.telegram.testing.FakeTelegramBotApi;
import io.adtarget.telegram.testing.TelegramUpdates;
import java.net.URI;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #14 end to end: the whole service on its own database, the fake Graph API and the fake Telegram Bot API
 * (both on port 0), driven over HTTP as the landing page, Telegram and the customer's backend would.
 */
class TelegramAttributionEndToEndTest {
    static final String PUBLIC_BASE_URL = "https://adtarget.example";
    static final String ORIGIN = "https://shop.example";
    static final String UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1";
    private static final Vertx VERTX = Vertx.vertx();
    private static final AtomicLong BOTS = new AtomicLong(700000);
    private static FakeTelegramBotApi telegram;
    private static RunningService service;

    /** A tenant with a Meta pixel, a channel, a bot administering it and a publishable key for {@link #ORIGIN}. */
    record Shop(Tenant tenant, BotToken bot, String publishableKey, String publishableKeyId) {
        String channel() {
            return tenant.channelId();
        }
    }

    @BeforeAll
    static void start() {
        telegram = FakeTelegramBotApi.create(VERTX).start().await();
        service = RunningService.start(Map.of("TELEGRAM_MODE", "live", "TELEGRAM_API_URL", telegram.url().toString(),
                "PUBLIC_BASE_URL", PUBLIC_BASE_URL, "TRUSTED_PROXIES", "127.0.0.1/32, 10.0.0.0/8"));
    }

    @AfterAll
    static void stop() {
        service.close();
        telegram.stop().await();
        VERTX.close().await();
    }

    @Test
    void a_visit_with_an_fbclid_and_its_join_make_exactly_one_subscribe_and_a_later_purchase_carries_the_same_fbc() {
        Shop shop = shop("-1001000000001");

        // the telegram connection: getMe, then setWebhook with our URL and a random secret
        String secret = connect(shop, "member-limit");
        assertThat(telegram.calls("getMe")).isNotEmpty();

        // the landing page records the visit and gets a link unique to it
        HttpResponse<Buffer> visit = visit(shop.publishableKey(), ORIGIN, new JsonObject()
                .put("channelId", shop.channel()).put("fbclid", "IwAR0walkClick")
                .put("landingUrl", ORIGIN + "/tg?fbclid=IwAR0walkClick").put("utm", new JsonObject().put("campaign", "spring")));
        assertThat(visit.statusCode()).as(visit.bodyAsString()).isEqualTo(201);
        assertThat(visit.getHeader("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        String visitId = visit.bodyAsJsonObject().getString("visitId");
        String link = visit.bodyAsJsonObject().getString("inviteLink");
        FakeTelegramBotApi.CreatedInviteLink created = telegram.inviteLinks().stream()
                .filter(l -> l.url().equals(link)).findFirst().orElseThrow();
        assertThat(created.chatId()).isEqualTo(shop.channel());
        assertThat(created.name()).isEqualTo("visit " + visitId.substring(0, 8));
        assertThat(created.memberLimit()).isEqualTo(1);

        // Telegram (the fake, to the webhook it registered, with its secret) posts the join, re-sends it,
        // then sends another update for the same join
        long user = 424242001L;
        JsonObject join = TelegramUpdates.joined(9001, shop.channel(), user, link);
        URI origin = URI.create("http://127.0.0.1:" + service.port());
        for (int i = 0; i < 2; i++) {
            assertThat(telegram.deliverUpdate(shop.bot(), join, origin).await()).isEqualTo(200);
        }
        assertThat(telegram.deliverUpdate(shop.bot(), join.copy().put("update_id", 9002), origin).await())
                .isEqualTo(200);

        List<JsonObject> subscribes = eventsOf(shop, "Subscribe");
        assertThat(subscribes).hasSize(1);
        JsonObject userData = subscribes.get(0).getJsonObject("user_data");
        assertThat(userData.getString("fbc")).matches("fb\\.1\\.[0-9]{13}\\.IwAR0walkClick");
        assertThat(userData.getString("client_ip_address")).isEqualTo("203.0.113.9");
        assertThat(userData.getString("client_user_agent")).isEqualTo(UA);
        assertThat(userData.getJsonArray("external_id")).isEqualTo(new JsonArray().add(Sha256.hex(Long.toString(user))));
        JsonObject stored = conversions(shop, user).getJsonObject(0);
        assertThat(stored.getString("eventType")).isEqualTo("Subscribe");
        assertThat(stored.getString("status")).isEqualTo("sent");
        assertThat(stored.getString("source")).isEqualTo("telegram-join");
        assertThat(stored.getString("visitId")).isEqualTo(visitId);

        // the customer's backend reports a purchase of that Telegram user, without any browser data
        HttpResponse<Buffer> purchase = service.postConversion(shop.tenant().apiKey(), "order-walk-1",
                shop.tenant().purchase(user));
        assertThat(purchase.statusCode()).as(purchase.bodyAsString()).isEqualTo(201);
        assertThat(purchase.bodyAsJsonObject().getString("source")).isEqualTo("api");
        JsonObject purchaseData = eventsOf(shop, "Purchase").get(0).getJsonObject("user_data");
        assertThat(purchaseData.getString("fbc")).isEqualTo(userData.getString("fbc"));
        assertThat(purchaseData.getString("client_ip_address")).isEqualTo("203.0.113.9");
        assertThat(purchaseData.getString("client_user_agent")).isEqualTo(UA);

        // an organic join, a leave, a forged and a missing secret, another site's chat, an unknown update type
        int metaBefore = service.meta().requests().size();
        assertThat(webhook(shop, secret, memberUpdate(9003, shop.channel(), 424242002L, "member", null))
                .statusCode()).isEqualTo(200);
        assertThat(telegram.deliverUpdate(shop.bot(), TelegramUpdates.left(9004, shop.channel(), 424242003L), origin)
                .await()).isEqualTo(200);
        assertThat(webhook(shop, "forged-" + secret, memberUpdate(9005, shop.channel(), 424242004L, "member", null))
                .statusCode()).isEqualTo(401);
        assertThat(webhook(shop, null, memberUpdate(9006, shop.channel(), 424242005L, "member", link))
                .statusCode()).isEqualTo(401);
        assertThat(webhook(shop, secret, memberUpdate(9007, "-1009999999999", 424242006L, "member", link))
                .statusCode()).isEqualTo(200);
        assertThat(webhook(shop, secret, new JsonObject().put("update_id", 9008)
                .put("message", new JsonObject().put("message_id", 1).put("text", "hi"))).statusCode()).isEqualTo(200);
        assertThat(webhook(shop, secret, new JsonObject().put("update_id", 9009)
                .put("chat_member", new JsonObject().put("chat", "not an object"))).statusCode()).isEqualTo(200);
        assertThat(service.meta().requests()).hasSize(metaBefore);
        assertThat(Database.query(service.databaseUrl(), "SELECT update_id, kind FROM telegram_updates WHERE site_id = '"
                + shop.tenant().siteId() + "' ORDER BY update_id")).extracting(row -> row.get("update_id") + " " + row.get("kind"))
                .containsExactly("9001 join-attributed", "9002 join-attributed", "9003 join-organic", "9004 leave");

        JsonObject stats = stats(shop);
        assertThat(stats.getLong("visits")).isEqualTo(1);
        assertThat(stats.getJsonObject("joins")).isEqualTo(new JsonObject().put("attributed", 1).put("organic", 1));
        assertThat(stats.getLong("leaves")).isEqualTo(1);
        assertThat(stats.getJsonObject("conversions")).isEqualTo(new JsonObject()
                .put("Purchase", counts(1)).put("Subscribe", counts(1)));
    }

    @Test
    void join_request_mode_approves_the_request_through_our_link_and_attributes_it_once() {
        Shop shop = shop("-1001000000002");
        String secret = connect(shop, "join-request");
        JsonObject visit = visit(shop.publishableKey(), ORIGIN, new JsonObject().put("channelId", shop.channel())
                .put("fbc", "fb.1.1764270000123.IwAR0request")).bodyAsJsonObject();
        assertThat(telegram.inviteLinks().stream().filter(l -> l.url().equals(visit.getString("inviteLink")))
                .findFirst().orElseThrow().createsJoinRequest()).isTrue();
        long user = 424243001L;
        JsonObject request = TelegramUpdates.joinRequest(7001, shop.channel(), user, visit.getString("inviteLink"));

        assertThat(webhook(shop, secret, request).statusCode()).isEqualTo(200);
        assertThat(webhook(shop, secret, request).statusCode()).isEqualTo(200);
        // once approved, Telegram also reports the membership, with the same link
        assertThat(webhook(shop, secret, memberUpdate(7002, shop.channel(), user, "member",
                visit.getString("inviteLink"))).statusCode()).isEqualTo(200);

        assertThat(telegram.approvedJoinRequests()).filteredOn(a -> a.userId() == user).hasSize(1);
        assertThat(eventsOf(shop, "Subscribe")).singleElement()
                .satisfies(e -> assertThat(e.getJsonObject("user_data").getString("fbc"))
                        .isEqualTo("fb.1.1764270000123.IwAR0request"));
    }

    @Test
    void publishable_keys_open_only_the_visit_endpoints_only_from_their_origins_and_stop_at_once_when_revoked() {
        Shop shop = shop("-1001000000003");
        connect(shop, "member-limit");
        JsonObject body = new JsonObject().put("channelId", shop.channel());

        HttpResponse<Buffer> otherOrigin = visit(shop.publishableKey(), "https://evil.example", body);
        assertThat(otherOrigin.statusCode()).isEqualTo(403);
        assertThat(otherOrigin.bodyAsJsonObject().getString("code")).isEqualTo("origin-not-allowed");
        assertThat(otherOrigin.getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(visit(shop.tenant().apiKey(), ORIGIN, body).statusCode()).isEqualTo(401);
        assertThat(service.postConversion(shop.publishableKey(), null, shop.tenant().purchase(1)).statusCode())
                .isEqualTo(401);

        HttpResponse<Buffer> preflight = service.request(HttpMethod.OPTIONS, "/api/v1/visits")
                .putHeader("Origin", ORIGIN).putHeader("Access-Control-Request-Method", "POST").send().await();
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(preflight.getHeader("Access-Control-Allow-Headers")).contains("Authorization");
        assertThat(service.request(HttpMethod.OPTIONS, "/api/v1/visits").putHeader("Origin", "https://evil.example")
                .send().await().statusCode()).isEqualTo(403);

        HttpResponse<Buffer> byQuery = service.request(HttpMethod.POST, "/api/v1/visits?key=" + shop.publishableKey())
                .putHeader("Origin", ORIGIN).sendJsonObject(body).await();
        assertThat(byQuery.statusCode()).as(byQuery.bodyAsString()).isEqualTo(201);
        String visitId = byQuery.bodyAsJsonObject().getString("visitId");
        HttpResponse<Buffer> patched = service.request(HttpMethod.PATCH, "/api/v1/visits/" + visitId)
                .putHeader("Authorization", "Bearer " + shop.publishableKey()).putHeader("Origin", ORIGIN)
                .sendJsonObject(new JsonObject().put("fbp", "fb.1.1764270000123.1116446470")).await();
        assertThat(patched.statusCode()).as(patched.bodyAsString()).isEqualTo(200);
        assertThat(patched.bodyAsJsonObject().getString("fbp")).isEqualTo("fb.1.1764270000123.1116446470");

        service.admin(HttpMethod.DELETE, "/admin/v1/publishable-keys/" + shop.publishableKeyId(), null, 204);
        assertThat(visit(shop.publishableKey(), ORIGIN, body).statusCode()).isEqualTo(401);
    }

    @Test
    void bad_visit_input_is_refused_by_field_and_stores_nothing_nor_asks_telegram_for_a_link() {
        Shop shop = shop("-1001000000004");
        connect(shop, "member-limit");
        int links = telegram.calls("createChatInviteLink").size();

        HttpResponse<Buffer> bad = visit(shop.publishableKey(), ORIGIN, new JsonObject().put("channelId", shop.channel())
                .put("fbc", "not-an-fbc").put("landingUrl", "javascript:alert(1)")
                .put("utm", new JsonObject().put("campaign", "x".repeat(201)).put("evil", "y")));
        HttpResponse<Buffer> otherChannel = visit(shop.publishableKey(), ORIGIN,
                new JsonObject().put("channelId", "-1009999999998"));

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.bodyAsJsonObject().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
                .contains("fbc", "landingUrl", "utm.campaign", "utm");
        assertThat(otherChannel.statusCode()).isEqualTo(400);
        assertThat(otherChannel.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("channelId");
        assertThat(telegram.calls("createChatInviteLink")).hasSize(links);
        assertThat(Database.query(service.databaseUrl(), "SELECT count(*) AS n FROM visits WHERE site_id = '"
                + shop.tenant().siteId() + "'").get(0).get("n")).isEqualTo(0L);
    }

    @Test
    void a_bot_token_telegram_refuses_is_a_validation_error_on_bot_token_and_no_token_is_in_a_dump_or_answer() {
        Shop shop = shop("-1001000000005");
        HttpResponse<Buffer> refused = service.request(HttpMethod.PUT, "/admin/v1/sites/" + shop.tenant().siteId()
                + "/telegram").putHeader("Authorization", "Bearer " + RunningService.ADMIN_TOKEN)
                .sendJsonObject(new JsonObject().put("botToken", "999999:AAunknownTokenTelegramRefuses00")).await();
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("validation-failed");
        assertThat(refused.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("botToken");
        assertThat(refused.bodyAsString()).doesNotContain("AAunknownTokenTelegramRefuses00");

        JsonObject connected = service.admin(HttpMethod.PUT, "/admin/v1/sites/" + shop.tenant().siteId() + "/telegram",
                new JsonObject().put("botToken", shop.bot().value()), 200);
        assertThat(connected.encode()).doesNotContain(shop.bot().value());
        assertThat(Database.rowsAsText(service.databaseUrl(), "telegram_connections"))
                .noneMatch(row -> row.contains(shop.bot().value().substring(shop.bot().value().indexOf(':') + 1)));
    }

    @Test
    void a_pg_dump_holds_neither_the_bot_token_nor_the_webhook_secret() throws Exception {
        Shop shop = shop("-1001000000006");
        String secret = connect(shop, "member-limit");

        String dump = pgDump(service.databaseUrl());

        assertThat(dump).contains(shop.tenant().siteId());
        String tokenSecret = shop.bot().value().substring(shop.bot().value().indexOf(':') + 1);
        assertThat(dump).doesNotContain(tokenSecret).doesNotContain(secret)
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(shop.bot().value().getBytes()));
        assertThat(dump).doesNotContain(shop.publishableKey());
    }

    @Test
    void without_public_base_url_a_connection_is_refused_clearly_and_old_visits_are_purged() {
        try (RunningService plain = RunningService.start(Map.of("TELEGRAM_MODE", "dry-run", "VISIT_RETENTION", "PT30M",
                "ATTRIBUTION_WINDOW", "PT1M", "PURGE_INTERVAL", "PT0.2S"))) {
            Tenant tenant = plain.provision("live", true, null, "-1001000000007");
            HttpResponse<Buffer> refused = plain.request(HttpMethod.PUT, "/admin/v1/sites/" + tenant.siteId() + "/telegram")
                    .putHeader("Authorization", "Bearer " + RunningService.ADMIN_TOKEN)
                    .sendJsonObject(new JsonObject().put("botToken", "1:AAdryRunTokenOfTheTest000000")).await();
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.getHeader("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("telegram-not-configured");
            assertThat(refused.bodyAsJsonObject().getString("detail")).contains("PUBLIC_BASE_URL");

            String insert = "INSERT INTO visits (id, account_id, site_id, channel_id, invite_link, created_at, expires_at)"
                    + " VALUES (gen_random_uuid(), '" + tenant.accountId() + "', '" + tenant.siteId() + "', '"
                    + tenant.channelId() + "', 'https://t.me/+%s', now() - interval '%s', now()) RETURNING id";
            Object old = Database.query(plain.databaseUrl(), insert.formatted("old", "1 hour")).get(0).get("id");
            Object fresh = Database.query(plain.databaseUrl(), insert.formatted("fresh", "0 seconds")).get(0).get("id");

            List<Object> left = Eventually.until(java.time.Duration.ofSeconds(20),
                    () -> Database.query(plain.databaseUrl(), "SELECT id FROM visits").stream().map(r -> r.get("id")).toList(),
                    ids -> !ids.contains(old));
            assertThat(left).contains(fresh);
        }
    }

    private static String pgDump(String databaseUrl) throws Exception {
        Process dump = new ProcessBuilder("pg_dump", "--no-owner", "--dbname=" + databaseUrl)
                .redirectErrorStream(true).start();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        dump.getInputStream().transferTo(out);
        assertThat(dump.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(dump.exitValue()).as("pg_dump: %s", out).isZero();
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Shop shop(String channel) {
        Tenant tenant = service.provision("live", true, null, channel);
        BotToken bot = new BotToken(BOTS.incrementAndGet() + ":AAsecretPartOfTheBotToken" + channel.substring(5));
        telegram.addBot(bot, "shop" + channel.substring(9) + "_bot").addChat(bot, channel);
        JsonObject key = service.admin(HttpMethod.POST, "/admin/v1/sites/" + tenant.siteId() + "/publishable-keys",
                new JsonObject().put("allowedOrigins", new JsonArray().add(ORIGIN)), 201);
        assertThat(key.getString("key")).startsWith("atk_pub_").hasSizeGreaterThanOrEqualTo(40);
        assertThat(key.getString("prefix")).isEqualTo(key.getString("key").substring(0, 12));
        return new Shop(tenant, bot, key.getString("key"), key.getString("id"));
    }

    /** PUT telegram; returns the secret_token the fake Bot API recorded for the webhook. */
    private static String connect(Shop shop, String mode) {
        JsonObject connected = service.admin(HttpMethod.PUT, "/admin/v1/sites/" + shop.tenant().siteId() + "/telegram",
                new JsonObject().put("botToken", shop.bot().value()).put("inviteMode", mode), 200);
        String webhookUrl = PUBLIC_BASE_URL + "/webhooks/telegram/" + shop.tenant().siteId();
        assertThat(connected).isEqualTo(new JsonObject().put("siteId", shop.tenant().siteId()).put("botTokenSet", true)
                .put("botUsername", "shop" + shop.channel().substring(9) + "_bot").put("webhookUrl", webhookUrl)
                .put("inviteMode", mode));
        FakeTelegramBotApi.RegisteredWebhook webhook = telegram.webhook(shop.bot()).orElseThrow();
        assertThat(webhook.url()).isEqualTo(webhookUrl);
        assertThat(webhook.allowedUpdates()).containsExactly("chat_member", "chat_join_request");
        return webhook.secretToken();
    }

    private static HttpResponse<Buffer> visit(String key, String origin, JsonObject body) {
        return service.request(HttpMethod.POST, "/api/v1/visits").putHeader("Authorization", "Bearer " + key)
                .putHeader("Origin", origin).putHeader("User-Agent", UA)
                // the test client is a trusted proxy (127.0.0.1) behind another (10.1.2.3): the client is the nearest
                // untrusted hop, not the address the browser itself could have written further left
                .putHeader("X-Forwarded-For", "198.51.100.23, 203.0.113.9, 10.1.2.3")
                .sendJsonObject(body).await();
    }

    private static HttpResponse<Buffer> webhook(Shop shop, String secret, JsonObject update) {
        HttpRequest<Buffer> request = service.request(HttpMethod.POST, "/webhooks/telegram/" + shop.tenant().siteId());
        if (secret != null) {
            request.putHeader("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return request.sendJsonObject(update).await();
    }

    static JsonObject memberUpdate(long updateId, String chat, long user, String status, String link) {
        JsonObject change = new JsonObject()
                .put("chat", new JsonObject().put("id", Long.parseLong(chat)).put("type", "channel"))
                .put("from", telegramUser(user)).put("date", 1764270000)
                .put("old_chat_member", new JsonObject().put("status", status.equals("left") ? "member" : "left")
                        .put("user", telegramUser(user)))
                .put("new_chat_member", new JsonObject().put("status", status).put("user", telegramUser(user)));
        if (link != null) {
            change.put("invite_link", new JsonObject().put("invite_link", link).put("creates_join_request", false)
                    .put("is_primary", false).put("is_revoked", false));
        }
        return new JsonObject().put("update_id", updateId).put("chat_member", change);
    }

    private static JsonObject telegramUser(long id) {
        return new JsonObject().put("id", id).put("is_bot", false).put("first_name", "Ann");
    }

    private static List<JsonObject> eventsOf(Shop shop, String eventName) {
        return service.meta().requests().stream()
                .filter(r -> r.accessToken().equals(shop.tenant().accessToken()))
                .map(ReceivedGraphRequest::json)
                .flatMap(json -> json.getJsonArray("data").stream().map(JsonObject.class::cast))
                .filter(event -> event.getString("event_name").equals(eventName))
                .toList();
    }

    private static JsonArray conversions(Shop shop, long user) {
        HttpResponse<Buffer> list = service.request(HttpMethod.GET, "/api/v1/events/conversion?telegramUserId=" + user)
                .putHeader("Authorization", "Bearer " + shop.tenant().apiKey()).send().await();
        assertThat(list.statusCode()).isEqualTo(200);
        return list.bodyAsJsonObject().getJsonArray("items");
    }

    private static JsonObject stats(Shop shop) {
        HttpResponse<Buffer> response = service.request(HttpMethod.GET, "/api/v1/channels/" + shop.channel() + "/stats")
                .putHeader("Authorization", "Bearer " + shop.tenant().apiKey()).send().await();
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    private static JsonObject counts(int sent) {
        return new JsonObject().put("sent", sent).put("failed", 0).put("skipped", 0).put("pending", 0);
    }
}
