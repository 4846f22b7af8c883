package io.adtarget.telegram;

import io.adtarget.application.port.out.TelegramBotApi;
import io.adtarget.domain.telegram.BotToken;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code TELEGRAM_MODE=dry-run} client: no network I/O. {@code getMe} answers a bot whose id is the
 * token's and whose username is {@code dryrun_<id>_bot}; {@code createChatInviteLink} answers a unique
 * {@code https://t.me/+dryrun…} link (it opens nothing in Telegram); the other methods answer Ok. Each call
 * is logged with the bot id only.
 */
public final class DryRunTelegramBotApi implements TelegramBotApi {
    private static final Logger LOG = LoggerFactory.getLogger(DryRunTelegramBotApi.class);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String LINK_PREFIX = "https://t.me/+dryrun";

    private final RandomGenerator random;

    public DryRunTelegramBotApi() {
        this(new SecureRandom());
    }

    DryRunTelegramBotApi(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Future<Answer<BotIdentity>> getMe(BotToken token) {
        log(token, "getMe");
        return ok(new BotIdentity(token.botId(), "dryrun_" + token.botId() + "_bot"));
    }

    @Override
    public Future<Answer<InviteLink>> createChatInviteLink(BotToken token, InviteLinkRequest request) {
        Objects.requireNonNull(request, "request");
        log(token, "createChatInviteLink");
        return ok(new InviteLink(LINK_PREFIX + suffix()));
    }

    @Override
    public Future<Answer<Void>> setWebhook(BotToken token, WebhookRegistration registration) {
        Objects.requireNonNull(registration, "registration");
        log(token, "setWebhook");
        return ok(null);
    }

    @Override
    public Future<Answer<Void>> deleteWebhook(BotToken token) {
        log(token, "deleteWebhook");
        return ok(null);
    }

    @Override
    public Future<Answer<Void>> approveChatJoinRequest(BotToken token, String chatId, long userId) {
        Objects.requireNonNull(chatId, "chatId");
        log(token, "approveChatJoinRequest");
        return ok(null);
    }

    /** 22 base62 characters: about 131 random bits, so two visits never share a link. */
    private String suffix() {
        StringBuilder suffix = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return suffix.toString();
    }

    private static void log(BotToken token, String method) {
        Objects.requireNonNull(token, "token");
        LOG.info("telegram dry-run method={} bot={} (no call made)", method, token.botId());
    }

    private static <T> Future<Answer<T>> ok(T value) {
        return Future.succeededFuture(new Answer.Ok<>(value));
    }
}
