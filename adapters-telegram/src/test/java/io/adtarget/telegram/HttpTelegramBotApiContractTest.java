package io.adtarget.telegram;

import io.adtarget.application.port.out.TelegramBotApi;
import io.adtarget.telegram.testing.FakeTelegramBotApi;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HttpTelegramBotApiContractTest extends TelegramBotApiContract {
    private FakeTelegramBotApi telegram;
    private HttpTelegramBotApi api;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        telegram = FakeTelegramBotApi.create(vertx).start().await(5, TimeUnit.SECONDS)
                .addBot(TestBots.TOKEN, TestBots.USERNAME).addChat(TestBots.TOKEN, TestBots.CHANNEL);
        api = new HttpTelegramBotApi(vertx, TelegramBotApiSettings.defaults().withApiUrl(telegram.url()));
    }

    @AfterEach
    void stop() throws Exception {
        api.close().await(5, TimeUnit.SECONDS);
        telegram.stop().await(5, TimeUnit.SECONDS);
    }

    @Override
    TelegramBotApi api() {
        return api;
    }
}
