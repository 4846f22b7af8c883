package io.adtarget.telegram;

import io.adtarget.application.port.out.TelegramBotApi;

class DryRunTelegramBotApiContractTest extends TelegramBotApiContract {
    private final DryRunTelegramBotApi api = new DryRunTelegramBotApi();

    @Override
    TelegramBotApi api() {
        return api;
    }
}
