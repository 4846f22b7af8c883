package io.adtarget.telegram;

import static io.adtarget.telegram.TestBots.CHANNEL;
import static io.adtarget.telegram.TestBots.SECRET;
import static io.adtarget.telegram.TestBots.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.TelegramBotApi.Answer;
import io.adtarget.telegram.testing.FakeTelegramBotApi;
import io.adtarget.telegram.testing.FakeTelegramReply;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The token travels only in the request path: no answer text, log line (Vert.x and Netty at DEBUG included)
 * or toString carries it, whatever Telegram sends back; and text from Telegram is bounded and one line.
 */
@ExtendWith(VertxExtension.class)
class HttpTelegramBotApiSecrecyTest {
    private Vertx vertx;
    private FakeTelegramBotApi telegram;
    private HttpTelegramBotApi api;
    private LogCapture logs;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        logs = LogCapture.attach();
        telegram = FakeTelegramBotApi.create(vertx).start().await(5, TimeUnit.SECONDS)
                .addBot(TOKEN, TestBots.USERNAME).addChat(TOKEN, CHANNEL);
        api = client(telegram.url());
        // The first call of a JVM loads Netty's codecs; on a busy machine that alone can pass the short deadline.
        HttpTelegramBotApi patient = new HttpTelegramBotApi(vertx,
                TelegramBotApiSettings.defaults().withApiUrl(telegram.url()));
        assertThat(patient.getMe(TOKEN).await(15, TimeUnit.SECONDS)).isInstanceOf(Answer.Ok.class);
        patient.close().await(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        api.close().await(5, TimeUnit.SECONDS);
        telegram.stop().await(5, TimeUnit.SECONDS);
        logs.close();
    }

    @Test
    void no_answer_and_no_log_line_carries_the_token_whatever_telegram_answers() throws Exception {
        String echo = "Bad Request: token " + TOKEN.value() + " at " + telegram.url() + "/bot" + TOKEN.value()
                + "/getMe, secret " + SECRET + ", encoded " + TOKEN.value().replace(":", "%3A");
        telegram.enqueue(FakeTelegramReply.refuse(400, echo),
                FakeTelegramReply.status(502, "text/html", "<html>" + TOKEN.value() + "</html>"),
                FakeTelegramReply.garbage(), FakeTelegramReply.oversized(200_000), FakeTelegramReply.hang(),
                FakeTelegramReply.tooManyRequests(3));
        List<Answer<?>> answers = new ArrayList<>();
        for (int call = 0; call < 6; call++) {
            answers.add(api.getMe(TOKEN).await(5, TimeUnit.SECONDS));
        }
        answers.add(api.createChatInviteLink(TOKEN, TestBots.memberLimitLink("v")).await(5, TimeUnit.SECONDS));
        answers.add(api.getMe(TestBots.OTHER_TOKEN).await(5, TimeUnit.SECONDS));
        HttpTelegramBotApi nowhere = client(closedPortUrl());
        try {
            answers.add(nowhere.getMe(TOKEN).await(5, TimeUnit.SECONDS));
        } finally {
            nowhere.close().await(5, TimeUnit.SECONDS);
        }

        assertThat(answers).hasSize(9).allSatisfy(answer -> assertThat(answer.toString())
                .doesNotContain(SECRET).doesNotContain(TOKEN.value()));
        assertThat(answers.get(0)).isEqualTo(new Answer.Refused<>(400, "Bad Request: token <redacted> at "
                + telegram.url() + "/bot<redacted>/getMe, secret <redacted>, encoded <redacted>"));
        assertThat(logs.lines()).filteredOn(line -> line.contains("telegram call method=")).hasSize(10)
                .allMatch(line -> line.contains("bot=" + TOKEN.botId()) || line.contains("bot=987654321"));
        assertThat(logs.lines()).noneMatch(line -> line.contains(SECRET) || line.contains("BBzz-OtherSecret"));
    }

    @Test
    void a_description_with_control_characters_becomes_one_bounded_line() throws Exception {
        String forged = "Bad Request: x\r\n2026-01-01 INFO forged line\u0000\u202e" + "y".repeat(2000);
        telegram.enqueue(FakeTelegramReply.refuse(400, forged));

        Answer.Refused<?> refused = (Answer.Refused<?>) api.getMe(TOKEN).await(5, TimeUnit.SECONDS);

        assertThat(refused.description()).startsWith("Bad Request: x 2026-01-01 INFO forged line y")
                .hasSize(SafeText.MAX_LENGTH).endsWith("…")
                .doesNotContain("\r", "\n", "\u0000", "\u202e");
    }

    @Test
    void the_log_line_names_method_bot_status_outcome_and_latency_only() throws Exception {
        api.createChatInviteLink(TOKEN, TestBots.memberLimitLink("visit_1")).await(5, TimeUnit.SECONDS);

        assertThat(logs.lines()).filteredOn(line -> line.contains("telegram call"))
                .last().asString()
                .matches(".* telegram call method=createChatInviteLink bot=123456789 status=200 outcome=ok "
                        + "latency_ms=[0-9]+")
                .doesNotContain("visit_1").doesNotContain("t.me");
    }

    private HttpTelegramBotApi client(URI url) {
        return new HttpTelegramBotApi(vertx,
                TelegramBotApiSettings.defaults().withApiUrl(url).withTimeout(Duration.ofMillis(1500)));
    }

    private static URI closedPortUrl() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://localhost:" + socket.getLocalPort());
        }
    }
}
