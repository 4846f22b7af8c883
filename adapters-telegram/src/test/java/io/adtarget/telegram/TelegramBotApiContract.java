package io.adtarget.telegram;

import static io.adtarget.telegram.TestBots.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.TelegramBotApi;
import io.adtarget.application.port.out.TelegramBotApi.Answer;
import io.adtarget.application.port.out.TelegramBotApi.BotIdentity;
import io.adtarget.application.port.out.TelegramBotApi.InviteLink;
import io.vertx.core.Future;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TelegramBotApi} does for a valid bot in its own channel, run against the live client
 * (on the fake Bot API) and the dry-run, so the dry-run the embedded default uses cannot drift from Telegram.
 */
abstract class TelegramBotApiContract {

    /** A client for which {@link TestBots#TOKEN} is a valid bot administering {@link TestBots#CHANNEL}. */
    abstract TelegramBotApi api();

    @Test
    void get_me_answers_the_bot_the_token_belongs_to() throws Exception {
        BotIdentity bot = ok(api().getMe(TOKEN));

        assertThat(bot.id()).isEqualTo(TOKEN.botId());
        assertThat(bot.username()).matches("[A-Za-z0-9_]{5,32}").endsWithIgnoringCase("bot");
    }

    @Test
    void every_invite_link_is_a_distinct_t_me_link_in_either_invite_mode() throws Exception {
        Set<String> links = new HashSet<>();
        for (int visit = 0; visit < 20; visit++) {
            String name = "v_" + visit;
            InviteLink link = ok(api().createChatInviteLink(TOKEN,
                    visit % 2 == 0 ? TestBots.memberLimitLink(name) : TestBots.joinRequestLink(name)));

            assertThat(link.url()).matches("https://t\\.me/\\+[A-Za-z0-9_-]+");
            links.add(link.url());
        }

        assertThat(links).hasSize(20);
    }

    @Test
    void a_webhook_can_be_set_again_and_deleted() throws Exception {
        assertThat(api().setWebhook(TOKEN, TestBots.webhook()).await(5, TimeUnit.SECONDS))
                .isInstanceOf(Answer.Ok.class);
        assertThat(api().setWebhook(TOKEN, TestBots.webhook()).await(5, TimeUnit.SECONDS))
                .isInstanceOf(Answer.Ok.class);
        assertThat(api().deleteWebhook(TOKEN).await(5, TimeUnit.SECONDS)).isInstanceOf(Answer.Ok.class);
    }

    @Test
    void a_join_request_in_the_channel_is_approved() throws Exception {
        assertThat(api().approveChatJoinRequest(TOKEN, TestBots.CHANNEL, 424242L).await(5, TimeUnit.SECONDS))
                .isEqualTo(new Answer.Ok<Void>(null));
    }

    static <T> T ok(Future<Answer<T>> call) throws Exception {
        Answer<T> answer = call.await(5, TimeUnit.SECONDS);
        assertThat(answer).isInstanceOf(Answer.Ok.class);
        return ((Answer.Ok<T>) answer).value();
    }
}
