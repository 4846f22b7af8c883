package io.adtarget.telegram;

import static io.adtarget.telegram.TestBots.CHANNEL;
import static io.adtarget.telegram.TestBots.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.TelegramBotApi.Answer;
import io.adtarget.application.port.out.TelegramBotApi.BotIdentity;
import io.adtarget.application.port.out.TelegramBotApi.InviteLink;
import io.adtarget.application.port.out.TelegramBotApi.InviteLinkRequest;
import io.adtarget.telegram.testing.FakeTelegramBotApi;
import io.adtarget.telegram.testing.FakeTelegramReply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every kind of trouble is a value: Telegram's refusals are Refused, everything else Unreachable. */
@ExtendWith(VertxExtension.class)
class HttpTelegramBotApiFailureTest {
    /** For the cases that wait for the deadline; the other calls have the default 10 s, for a busy machine. */
    private static final Duration DEADLINE = Duration.ofMillis(1000);

    private Vertx vertx;
    private FakeTelegramBotApi telegram;
    private HttpTelegramBotApi api;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
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
    void an_unknown_token_is_refused_with_401_unauthorized() throws Exception {
        assertThat(answer(api.getMe(TestBots.OTHER_TOKEN))).isEqualTo(new Answer.Refused<>(401, "Unauthorized"));
    }

    @Test
    void a_chat_the_bot_does_not_administer_is_refused_as_chat_not_found() throws Exception {
        assertThat(answer(api.createChatInviteLink(TOKEN, new InviteLinkRequest("-100999", "v",
                TestBots.EXPIRES, false))))
                .isEqualTo(new Answer.Refused<>(400, "Bad Request: chat not found"));
        assertThat(answer(api.approveChatJoinRequest(TOKEN, "-100999", 1L)))
                .isEqualTo(new Answer.Refused<>(400, "Bad Request: chat not found"));
    }

    @Test
    void flood_control_is_refused_429_with_the_retry_after_in_the_description() throws Exception {
        telegram.enqueue(FakeTelegramReply.tooManyRequests(17));

        assertThat(answer(api.createChatInviteLink(TOKEN, TestBots.memberLimitLink("v"))))
                .isEqualTo(new Answer.Refused<>(429, "Too Many Requests: retry after 17"));
        assertThat(telegram.inviteLinks()).isEmpty();
    }

    @Test
    void a_retry_after_only_in_the_parameters_is_added_to_the_description() throws Exception {
        telegram.enqueue(FakeTelegramReply.status(429, "application/json",
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests\","
                        + "\"parameters\":{\"retry_after\":5}}"));

        assertThat(answer(api.getMe(TOKEN)))
                .isEqualTo(new Answer.Refused<>(429, "Too Many Requests (retry after 5 s)"));
    }

    @Test
    void a_bot_api_error_without_a_description_names_the_http_status() throws Exception {
        telegram.enqueue(FakeTelegramReply.status(403, "application/json", "{\"ok\":false,\"error_code\":403}"));

        assertThat(answer(api.deleteWebhook(TOKEN))).isEqualTo(new Answer.Refused<>(403, "HTTP 403"));
    }

    @Test
    void a_500_page_that_is_not_the_bot_apis_is_unreachable() throws Exception {
        telegram.enqueue(FakeTelegramReply.status(500, "text/html", "<html>Internal Server Error</html>"));

        assertThat(answer(api.getMe(TOKEN))).isEqualTo(new Answer.Unreachable<>(
                "Telegram answered HTTP 500 with something that is not a Bot API answer"));
    }

    @Test
    void a_garbage_body_is_unreachable() throws Exception {
        telegram.enqueue(FakeTelegramReply.garbage());

        assertThat(answer(api.setWebhook(TOKEN, TestBots.webhook()))).isEqualTo(new Answer.Unreachable<>(
                "Telegram answered HTTP 200 with something that is not a Bot API answer"));
    }

    @Test
    void json_without_an_ok_flag_is_unreachable() throws Exception {
        telegram.enqueue(FakeTelegramReply.status(200, "application/json", "{\"result\":true}"),
                FakeTelegramReply.status(200, "application/json", "[true]"));

        assertThat(answer(api.deleteWebhook(TOKEN))).isInstanceOf(Answer.Unreachable.class);
        assertThat(answer(api.deleteWebhook(TOKEN))).isInstanceOf(Answer.Unreachable.class);
    }

    @Test
    void an_ok_answer_whose_result_is_not_an_invite_link_is_unreachable() throws Exception {
        telegram.enqueue(
                FakeTelegramReply.status(200, "application/json",
                        "{\"ok\":true,\"result\":{\"invite_link\":\"javascript:alert(1)\"}}"),
                FakeTelegramReply.status(200, "application/json", "{\"ok\":true,\"result\":true}"));

        Answer<InviteLink> hostile = answer(api.createChatInviteLink(TOKEN, TestBots.memberLimitLink("v")));
        Answer<InviteLink> missing = answer(api.createChatInviteLink(TOKEN, TestBots.memberLimitLink("v")));

        assertThat(hostile).isEqualTo(new Answer.Unreachable<>(
                "createChatInviteLink answered a result without a t.me invite link"));
        assertThat(missing).isEqualTo(hostile);
    }

    @Test
    void a_get_me_result_without_an_integer_id_and_a_plain_username_is_unreachable() throws Exception {
        for (String user : new String[] {"{\"id\":123456789,\"is_bot\":true,\"first_name\":\"x\"}",
            "{\"id\":1.5,\"username\":\"a_bot\"}", "{\"id\":123456789012345678901234,\"username\":\"a_bot\"}",
            "{\"id\":\"1\",\"username\":\"a_bot\"}", "{\"id\":1,\"username\":\"<script>\"}"}) {
            telegram.enqueue(FakeTelegramReply.status(200, "application/json",
                    "{\"ok\":true,\"result\":" + user + "}"));

            assertThat(answer(api.getMe(TOKEN))).as(user).isEqualTo(
                    new Answer.Unreachable<BotIdentity>("getMe answered a result without a bot id and username"));
        }
    }

    @Test
    void an_answer_larger_than_the_cap_is_unreachable_and_the_next_call_works() throws Exception {
        telegram.enqueue(FakeTelegramReply.oversized(1024 * 1024));

        assertThat(answer(api.getMe(TOKEN))).isEqualTo(
                new Answer.Unreachable<>("Telegram's answer was larger than 65536 bytes"));
        assertThat(answer(api.getMe(TOKEN))).isInstanceOf(Answer.Ok.class);
    }

    @Test
    void an_answer_that_declares_a_length_past_the_cap_is_not_read() throws Exception {
        telegram.enqueue(FakeTelegramReply.status(200, "application/json",
                "{\"ok\":true,\"result\":\"" + "x".repeat(100_000) + "\"}"));

        assertThat(answer(api.deleteWebhook(TOKEN))).isEqualTo(
                new Answer.Unreachable<>("Telegram's answer was larger than 65536 bytes"));
        assertThat(answer(api.deleteWebhook(TOKEN))).isInstanceOf(Answer.Ok.class);
    }

    @Test
    void an_answer_that_never_comes_is_unreachable_at_the_deadline() throws Exception {
        telegram.enqueue(FakeTelegramReply.hang());
        HttpTelegramBotApi impatient = client(telegram.url());
        try {
            assertThat(answer(impatient.getMe(TOKEN))).isEqualTo(
                    new Answer.Unreachable<>("no answer from Telegram within 1000 ms"));
        } finally {
            impatient.close().await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void an_answer_slower_than_the_deadline_is_unreachable_and_the_next_call_is_answered() throws Exception {
        telegram.enqueue(FakeTelegramReply.normal().after(Duration.ofSeconds(3)));
        HttpTelegramBotApi impatient = client(telegram.url());
        try {
            assertThat(answer(impatient.getMe(TOKEN))).isEqualTo(
                    new Answer.Unreachable<>("no answer from Telegram within 1000 ms"));
            assertThat(answer(api.getMe(TOKEN))).isInstanceOf(Answer.Ok.class);
        } finally {
            impatient.close().await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_closed_port_is_unreachable_as_connection_refused() throws Exception {
        HttpTelegramBotApi nowhere = client(closedPortUrl());
        try {
            assertThat(answer(nowhere.getMe(TOKEN))).isEqualTo(
                    new Answer.Unreachable<>("could not connect to Telegram (connection refused)"));
        } finally {
            nowhere.close().await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void an_error_code_that_is_no_http_status_is_replaced_by_the_answers_status() throws Exception {
        telegram.enqueue(FakeTelegramReply.status(400, "application/json",
                "{\"ok\":false,\"error_code\":-7,\"description\":\"Bad Request: odd\"}"));

        assertThat(answer(api.getMe(TOKEN))).isEqualTo(new Answer.Refused<>(400, "Bad Request: odd"));
    }

    private HttpTelegramBotApi client(URI url) {
        return new HttpTelegramBotApi(vertx, TelegramBotApiSettings.defaults().withApiUrl(url).withTimeout(DEADLINE));
    }

    private static <T> Answer<T> answer(Future<Answer<T>> call) throws Exception {
        return call.await(15, TimeUnit.SECONDS);
    }

    private static URI closedPortUrl() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://localhost:" + socket.getLocalPort());
        }
    }
}
