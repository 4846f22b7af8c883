package io.adtarget.telegram.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.domain.telegram.BotToken;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fake's own Bot API rules, spoken to in raw HTTP, the parts the client never sends included. */
@ExtendWith(VertxExtension.class)
class FakeTelegramBotApiTest {
    private static final BotToken TOKEN = new BotToken("42:FakeSecret_abcdefghijklmnopqrstuv");
    private static final String CHAT = "-1009";

    private FakeTelegramBotApi telegram;
    private HttpClientAgent http;
    private Context context;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        telegram = FakeTelegramBotApi.create(vertx).start().await(5, TimeUnit.SECONDS)
                .addBot(TOKEN, "fake_bot").addChat(TOKEN, CHAT);
        http = vertx.createHttpClient();
        context = vertx.getOrCreateContext();
    }

    @AfterEach
    void stop() throws Exception {
        http.close().await(5, TimeUnit.SECONDS);
        telegram.stop().await(5, TimeUnit.SECONDS);
    }

    @Test
    void an_unknown_token_gets_401_unauthorized_and_an_unknown_method_404() throws Exception {
        assertThat(post("/bot1:WrongSecret_abcdefghijklmnopqrs/getMe", new JsonObject()))
                .isEqualTo(new JsonObject("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"));
        assertThat(post("/bot" + TOKEN.value() + "/sendMessage", new JsonObject()))
                .isEqualTo(new JsonObject("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"));
        assertThat(post("/nothing", new JsonObject()).getInteger("error_code")).isEqualTo(404);
    }

    @Test
    void an_invite_link_is_a_chat_invite_link_object_with_what_was_asked() throws Exception {
        JsonObject link = post("/bot" + TOKEN.value() + "/createChatInviteLink", new JsonObject()
                .put("chat_id", -1009).put("name", "visit").put("expire_date", 1900000000).put("member_limit", 1))
                .getJsonObject("result");

        assertThat(link.getString("invite_link")).matches("https://t\\.me/\\+[A-Za-z0-9_-]{16}");
        assertThat(link.getString("name")).isEqualTo("visit");
        assertThat(link.getLong("expire_date")).isEqualTo(1900000000L);
        assertThat(link.getInteger("member_limit")).isEqualTo(1);
        assertThat(link.getBoolean("creates_join_request")).isFalse();
        assertThat(link.getJsonObject("creator").getLong("id")).isEqualTo(42L);
        assertThat(telegram.inviteLinks()).singleElement()
                .satisfies(created -> assertThat(created.url()).isEqualTo(link.getString("invite_link")));
    }

    @Test
    void refuses_what_the_bot_api_documents_as_invalid() throws Exception {
        String path = "/bot" + TOKEN.value() + "/createChatInviteLink";

        assertThat(post(path, new JsonObject().put("chat_id", CHAT).put("member_limit", 1)
                .put("creates_join_request", true)).getString("description")).startsWith("Bad Request: member limit");
        assertThat(post(path, new JsonObject().put("chat_id", CHAT).put("member_limit", 100_000))
                .getInteger("error_code")).isEqualTo(400);
        assertThat(post(path, new JsonObject().put("chat_id", CHAT).put("name", "n".repeat(33)))
                .getString("description")).isEqualTo("Bad Request: invite link name is too long");
        assertThat(post("/bot" + TOKEN.value() + "/setWebhook", new JsonObject().put("url", "https://x.example")
                .put("secret_token", "not allowed!")).getString("description"))
                .isEqualTo("Bad Request: secret token contains unallowed characters");
        assertThat(telegram.inviteLinks()).isEmpty();
        assertThat(telegram.webhook()).isEmpty();
    }

    @Test
    void set_webhook_with_an_empty_url_removes_it_as_delete_webhook_does() throws Exception {
        String path = "/bot" + TOKEN.value() + "/setWebhook";
        post(path, new JsonObject().put("url", "https://x.example/hook")
                .put("allowed_updates", List.of("chat_member")));
        assertThat(telegram.webhook(TOKEN)).hasValueSatisfying(
                hook -> assertThat(hook.allowedUpdates()).containsExactly("chat_member"));

        assertThat(post(path, new JsonObject().put("url", "")).getBoolean("result")).isTrue();
        assertThat(telegram.webhook(TOKEN)).isEmpty();
    }

    @Test
    void query_parameters_work_as_the_bot_api_accepts_them() throws Exception {
        JsonObject answer = send(HttpMethod.GET,
                "/bot" + TOKEN.value() + "/approveChatJoinRequest?chat_id=-1009&user_id=77",
                Buffer.buffer());

        assertThat(answer.getBoolean("ok")).isTrue();
        assertThat(telegram.approvedJoinRequests()).containsExactly(
                new FakeTelegramBotApi.ApprovedJoinRequest(42L, CHAT, 77L));
        assertThat(telegram.calls()).singleElement().satisfies(call -> {
            assertThat(call.botId()).isEqualTo(42L);
            assertThat(call.method()).isEqualTo("approveChatJoinRequest");
        });
    }

    @Test
    void deliver_update_posts_to_the_registered_webhook_path_with_its_secret(Vertx vertx) throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer service = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            seen.add(request.path() + " " + request.getHeader("X-Telegram-Bot-Api-Secret-Token") + " " + body);
            request.response().setStatusCode(200).end();
        })).listen(0, "localhost").await(5, TimeUnit.SECONDS);
        try {
            post("/bot" + TOKEN.value() + "/setWebhook", new JsonObject()
                    .put("url", "https://conversions.example/webhooks/telegram/site_1").put("secret_token", "s3cr3t"));
            JsonObject update = TelegramUpdates.joined(7001, CHAT, 99, "https://t.me/+abc");

            int status = telegram.deliverUpdate(TOKEN, update, URI.create("http://localhost:" + service.actualPort()))
                    .await(5, TimeUnit.SECONDS);

            assertThat(status).isEqualTo(200);
            assertThat(seen).containsExactly("/webhooks/telegram/site_1 s3cr3t " + update.encode());
        } finally {
            service.close().await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void updates_have_the_bot_api_shape() {
        JsonObject joined = TelegramUpdates.joined(1, CHAT, 99, "https://t.me/+abc").getJsonObject("chat_member");
        JsonObject request = TelegramUpdates.joinRequest(2, CHAT, 99, "https://t.me/+abd")
                .getJsonObject("chat_join_request");

        assertThat(joined.getJsonObject("chat").getLong("id")).isEqualTo(-1009L);
        assertThat(joined.getJsonObject("new_chat_member").getString("status")).isEqualTo("member");
        assertThat(joined.getJsonObject("new_chat_member").getJsonObject("user").getLong("id")).isEqualTo(99L);
        assertThat(joined.getJsonObject("invite_link").getString("invite_link")).isEqualTo("https://t.me/+abc");
        assertThat(TelegramUpdates.joined(3, CHAT, 99, null).getJsonObject("chat_member").containsKey("invite_link"))
                .isFalse();
        assertThat(TelegramUpdates.left(4, CHAT, 99).getJsonObject("chat_member")
                .getJsonObject("new_chat_member").getString("status")).isEqualTo("left");
        assertThat(request.getJsonObject("from").getLong("id")).isEqualTo(99L);
        assertThat(request.getJsonObject("invite_link").getBoolean("creates_join_request")).isTrue();
    }

    private JsonObject post(String path, JsonObject body) throws Exception {
        return send(HttpMethod.POST, path, body.toBuffer());
    }

    /** On a Vert.x context: from the test's thread the response could end before its body handler is set. */
    private JsonObject send(HttpMethod method, String path, Buffer body) throws Exception {
        Promise<JsonObject> answer = Promise.promise();
        context.runOnContext(ignored -> http.request(method, telegram.port(), "localhost", path)
                .compose(request -> request.putHeader("Content-Type", "application/json").send(body))
                .compose(HttpClientResponse::body).map(JsonObject::new).onComplete(answer));
        return answer.future().await(5, TimeUnit.SECONDS);
    }
}
