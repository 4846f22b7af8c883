package io.adtarget.telegram;

import static io.adtarget.telegram.TestBots.CHANNEL;
import static io.adtarget.telegram.TestBots.EXPIRES;
import static io.adtarget.telegram.TestBots.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.TelegramBotApi.Answer;
import io.adtarget.application.port.out.TelegramBotApi.BotIdentity;
import io.adtarget.application.port.out.TelegramBotApi.InviteLink;
import io.adtarget.application.port.out.TelegramBotApi.InviteLinkRequest;
import io.adtarget.application.port.out.TelegramBotApi.WebhookRegistration;
import io.adtarget.telegram.testing.FakeTelegramBotApi;
import io.adtarget.telegram.testing.FakeTelegramBotApi.ApprovedJoinRequest;
import io.adtarget.telegram.testing.FakeTelegramBotApi.CreatedInviteLink;
import io.adtarget.telegram.testing.FakeTelegramBotApi.RegisteredWebhook;
import io.adtarget.telegram.testing.FakeTelegramCall;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What each method sends, as the Bot API documents it, and what it makes of Telegram's success answers. */
@ExtendWith(VertxExtension.class)
class HttpTelegramBotApiRequestTest {
    private FakeTelegramBotApi telegram;
    private HttpTelegramBotApi api;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        telegram = FakeTelegramBotApi.create(vertx).start().await(5, TimeUnit.SECONDS)
                .addBot(TOKEN, TestBots.USERNAME).addChat(TOKEN, CHANNEL);
        api = new HttpTelegramBotApi(vertx, TelegramBotApiSettings.defaults().withApiUrl(telegram.url()));
    }

    @AfterEach
    void stop() throws Exception {
        api.close().await(5, TimeUnit.SECONDS);
        telegram.stop().await(5, TimeUnit.SECONDS);
    }

    @Test
    void get_me_posts_to_the_bot_path_and_answers_the_bots_id_and_username() throws Exception {
        Answer<BotIdentity> answer = api.getMe(TOKEN).await(5, TimeUnit.SECONDS);

        assertThat(answer).isEqualTo(new Answer.Ok<>(new BotIdentity(123456789L, TestBots.USERNAME)));
        assertThat(telegram.calls()).containsExactly(new FakeTelegramCall(TOKEN.value(), "getMe", new JsonObject()));
    }

    @Test
    void a_member_limit_link_sends_chat_id_name_expire_date_and_member_limit_one() throws Exception {
        Answer<InviteLink> answer = api.createChatInviteLink(TOKEN, TestBots.memberLimitLink("visit_0f3a"))
                .await(5, TimeUnit.SECONDS);

        CreatedInviteLink created = telegram.inviteLinks().get(0);
        assertThat(answer).isEqualTo(new Answer.Ok<>(new InviteLink(created.url())));
        assertThat(created).isEqualTo(new CreatedInviteLink(TOKEN.botId(), CHANNEL, created.url(), "visit_0f3a",
                EXPIRES, 1, false));
        assertThat(telegram.calls("createChatInviteLink").get(0).parameters()).isEqualTo(new JsonObject()
                .put("chat_id", -1001234567890L).put("name", "visit_0f3a")
                .put("expire_date", EXPIRES.getEpochSecond()).put("member_limit", 1));
    }

    @Test
    void a_join_request_link_sends_creates_join_request_and_no_member_limit() throws Exception {
        api.createChatInviteLink(TOKEN, TestBots.joinRequestLink("visit_77")).await(5, TimeUnit.SECONDS);

        assertThat(telegram.inviteLinks()).singleElement().satisfies(link -> {
            assertThat(link.createsJoinRequest()).isTrue();
            assertThat(link.memberLimit()).isNull();
        });
        assertThat(telegram.calls("createChatInviteLink").get(0).parameters().fieldNames())
                .containsExactlyInAnyOrder("chat_id", "name", "expire_date", "creates_join_request");
    }

    @Test
    void a_channel_given_by_username_is_sent_as_a_string() throws Exception {
        telegram.addChat(TOKEN, "@adtarget_news");

        Answer<InviteLink> answer = api.createChatInviteLink(TOKEN,
                new InviteLinkRequest("@adtarget_news", "v", EXPIRES, false)).await(5, TimeUnit.SECONDS);

        assertThat(answer).isInstanceOf(Answer.Ok.class);
        assertThat(telegram.calls().get(0).parameters().getValue("chat_id")).isEqualTo("@adtarget_news");
    }

    @Test
    void set_webhook_registers_the_url_the_secret_token_and_the_allowed_updates() throws Exception {
        Answer<Void> answer = api.setWebhook(TOKEN, TestBots.webhook()).await(5, TimeUnit.SECONDS);

        assertThat(answer).isEqualTo(new Answer.Ok<Void>(null));
        assertThat(telegram.webhook()).contains(new RegisteredWebhook(TOKEN.botId(),
                "https://conversions.example/webhooks/telegram/site_1", "s3cret-Token_0123456789", TestBots.UPDATES));
        assertThat(telegram.calls().get(0).parameters().getJsonArray("allowed_updates"))
                .isEqualTo(new JsonArray(List.of("chat_member", "chat_join_request")));
    }

    @Test
    void delete_webhook_removes_the_registration() throws Exception {
        api.setWebhook(TOKEN, TestBots.webhook()).await(5, TimeUnit.SECONDS);

        assertThat(api.deleteWebhook(TOKEN).await(5, TimeUnit.SECONDS)).isEqualTo(new Answer.Ok<Void>(null));
        assertThat(telegram.webhook()).isEmpty();
        assertThat(telegram.webhook(TOKEN)).isEmpty();
    }

    @Test
    void approve_chat_join_request_sends_the_chat_and_the_user() throws Exception {
        Answer<Void> answer = api.approveChatJoinRequest(TOKEN, CHANNEL, 5551234L).await(5, TimeUnit.SECONDS);

        assertThat(answer).isEqualTo(new Answer.Ok<Void>(null));
        assertThat(telegram.approvedJoinRequests()).containsExactly(
                new ApprovedJoinRequest(TOKEN.botId(), CHANNEL, 5551234L));
        assertThat(telegram.calls().get(0).parameters())
                .isEqualTo(new JsonObject().put("chat_id", -1001234567890L).put("user_id", 5551234L));
    }

    @Test
    void an_http_webhook_url_is_refused_as_telegram_refuses_it() throws Exception {
        Answer<Void> answer = api.setWebhook(TOKEN, new WebhookRegistration("http://insecure.example/hook",
                "secret", TestBots.UPDATES)).await(5, TimeUnit.SECONDS);

        assertThat(answer).isEqualTo(new Answer.Refused<Void>(400,
                "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"));
        assertThat(telegram.webhook()).isEmpty();
    }

    @Test
    void approving_the_same_user_twice_is_refused_the_second_time() throws Exception {
        api.approveChatJoinRequest(TOKEN, CHANNEL, 7L).await(5, TimeUnit.SECONDS);

        assertThat(api.approveChatJoinRequest(TOKEN, CHANNEL, 7L).await(5, TimeUnit.SECONDS))
                .isEqualTo(new Answer.Refused<Void>(400, "Bad Request: USER_ALREADY_PARTICIPANT"));
    }

    @Test
    void fifty_links_asked_for_at_once_are_fifty_distinct_links() throws Exception {
        List<Future<Answer<InviteLink>>> calls = new ArrayList<>();
        for (int visit = 0; visit < 50; visit++) {
            calls.add(api.createChatInviteLink(TOKEN, TestBots.memberLimitLink("visit_" + visit)));
        }
        Future.all(calls).await(10, TimeUnit.SECONDS);

        assertThat(calls).allSatisfy(call -> assertThat(call.result()).isInstanceOf(Answer.Ok.class));
        assertThat(calls.stream().map(call -> ((Answer.Ok<InviteLink>) call.result()).value().url()).distinct())
                .hasSize(50);
        assertThat(telegram.inviteLinks()).extracting(CreatedInviteLink::name).hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void a_call_made_on_an_event_loop_answers_on_it(Vertx vertx, VertxTestContext test) {
        vertx.runOnContext(ignored -> api.getMe(TOKEN).onComplete(result -> test.verify(() -> {
            assertThat(Vertx.currentContext()).isNotNull();
            assertThat(result.result()).isInstanceOf(Answer.Ok.class);
            test.completeNow();
        })));
    }
}
