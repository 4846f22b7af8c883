package io.adtarget.telegram;

import io.adtarget.application.port.out.TelegramBotApi.InviteLinkRequest;
import io.adtarget.application.port.out.TelegramBotApi.WebhookRegistration;
import io.adtarget.domain.telegram.BotToken;
import java.time.Instant;
import java.util.List;

/** The bots, chats and requests the tests share. */
final class TestBots {
    static final String SECRET = "AAHk-TestSecret_0123456789abcdefgh";
    static final BotToken TOKEN = new BotToken("123456789:" + SECRET);
    static final BotToken OTHER_TOKEN = new BotToken("987654321:BBzz-OtherSecret_9876543210zyxwvu");
    static final String USERNAME = "adtarget_test_bot";
    static final String CHANNEL = "-1001234567890";
    static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00Z");
    static final List<String> UPDATES = List.of("chat_member", "chat_join_request");

    private TestBots() {
    }

    static InviteLinkRequest memberLimitLink(String name) {
        return new InviteLinkRequest(CHANNEL, name, EXPIRES, false);
    }

    static InviteLinkRequest joinRequestLink(String name) {
        return new InviteLinkRequest(CHANNEL, name, EXPIRES, true);
    }

    static WebhookRegistration webhook() {
        return new WebhookRegistration("https://conversions.example/webhooks/telegram/site_1",
                "s3cret-Token_0123456789", UPDATES);
    }
}
