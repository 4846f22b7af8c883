package io.adtarget.telegram;

import static io.adtarget.telegram.TestBots.SECRET;
import static io.adtarget.telegram.TestBots.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.TelegramBotApi.Answer;
import io.adtarget.application.port.out.TelegramBotApi.BotIdentity;
import io.adtarget.application.port.out.TelegramBotApi.InviteLink;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What only the dry-run promises: the same bot for the same token, recognisable links, no secret in its logs. */
class DryRunTelegramBotApiTest {

    @Test
    void get_me_answers_the_same_bot_for_the_same_token() {
        DryRunTelegramBotApi api = new DryRunTelegramBotApi();

        assertThat(api.getMe(TOKEN).result()).isEqualTo(new Answer.Ok<>(new BotIdentity(123456789L,
                "dryrun_123456789_bot")));
        assertThat(new DryRunTelegramBotApi().getMe(TOKEN).result()).isEqualTo(api.getMe(TOKEN).result());
    }

    @Test
    void invite_links_say_they_are_dry_run_links() {
        long seed = new Random().nextLong();
        DryRunTelegramBotApi api = new DryRunTelegramBotApi(new Random(seed));

        Answer<InviteLink> answer = api.createChatInviteLink(TOKEN, TestBots.joinRequestLink("v")).result();

        assertThat(((Answer.Ok<InviteLink>) answer).value().url()).as("seed %d", seed)
                .matches("https://t\\.me/\\+dryrun[A-Za-z0-9]{22}");
    }

    @Test
    void its_log_lines_name_the_bot_id_never_the_token() {
        try (LogCapture logs = LogCapture.attach()) {
            DryRunTelegramBotApi api = new DryRunTelegramBotApi();
            api.getMe(TOKEN);
            api.createChatInviteLink(TOKEN, TestBots.memberLimitLink("v"));
            api.setWebhook(TOKEN, TestBots.webhook());
            api.deleteWebhook(TOKEN);
            api.approveChatJoinRequest(TOKEN, TestBots.CHANNEL, 1L);

            assertThat(logs.lines()).filteredOn(line -> line.contains("telegram dry-run")).hasSize(5)
                    .allMatch(line -> line.contains("bot=123456789")).noneMatch(line -> line.contains(SECRET));
        }
    }
}
