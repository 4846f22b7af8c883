package io.adtarget.application.port.out;

import io.adtarget.domain.telegram.BotToken;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The few Telegram Bot API methods attribution needs (https://core.telegram.org/bots/api).
 * Every answer Telegram gives is a value, never a failed future: {@link Answer.Ok} for
 * {@code "ok": true}, {@link Answer.Refused} for {@code "ok": false} (its {@code error_code} and a
 * bounded, control-character-free {@code description}), {@link Answer.Unreachable} for transport
 * failures, timeouts and unparsable bodies. The token is sent only in the request path, never logged.
 */
public interface TelegramBotApi {

    /** {@code getMe}: who the token belongs to. */
    record BotIdentity(long id, String username) {
        public BotIdentity {
            Objects.requireNonNull(username, "username");
        }
    }

    /**
     * {@code createChatInviteLink} for {@code chatId} (the channel id, e.g. {@code -100…}), named
     * {@code name} (≤ 32 characters), expiring at {@code expireDate}; {@code createsJoinRequest}
     * true sends {@code creates_join_request: true}, false sends {@code member_limit: 1}.
     */
    record InviteLinkRequest(String chatId, String name, Instant expireDate, boolean createsJoinRequest) {
        public InviteLinkRequest {
            Objects.requireNonNull(chatId, "chatId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expireDate, "expireDate");
            if (name.length() > 32) {
                throw new IllegalArgumentException("name must be at most 32 characters");
            }
        }
    }

    /** The created link as Telegram returned it ({@code https://t.me/+…}). */
    record InviteLink(String url) {
        public InviteLink {
            Objects.requireNonNull(url, "url");
        }
    }

    /** {@code setWebhook}: where and with which {@code secret_token} Telegram posts updates. */
    record WebhookRegistration(String url, String secretToken, List<String> allowedUpdates) {
        public WebhookRegistration {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(secretToken, "secretToken");
            allowedUpdates = List.copyOf(allowedUpdates);
        }
    }

    sealed interface Answer<T> {
        /** {@code "ok": true}; {@code value} is null for methods that answer only {@code true}. */
        record Ok<T>(T value) implements Answer<T> {
        }

        /** {@code "ok": false}: the token is wrong (401), the bot lacks rights (400/403), etc. */
        record Refused<T>(int errorCode, String description) implements Answer<T> {
        }

        /** Telegram could not be reached or answered something that is not the Bot API's shape. */
        record Unreachable<T>(String reason) implements Answer<T> {
        }
    }

    Future<Answer<BotIdentity>> getMe(BotToken token);

    Future<Answer<InviteLink>> createChatInviteLink(BotToken token, InviteLinkRequest request);

    Future<Answer<Void>> setWebhook(BotToken token, WebhookRegistration registration);

    Future<Answer<Void>> deleteWebhook(BotToken token);

    Future<Answer<Void>> approveChatJoinRequest(BotToken token, String chatId, long userId);
}
