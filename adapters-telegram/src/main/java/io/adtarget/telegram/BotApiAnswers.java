package io.adtarget.telegram;

import io.adtarget.application.port.out.TelegramBotApi.Answer;
import io.adtarget.application.port.out.TelegramBotApi.BotIdentity;
import io.adtarget.application.port.out.TelegramBotApi.InviteLink;
import io.adtarget.domain.telegram.BotToken;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one Bot API answer ({@code {"ok", "result"}} or {@code {"ok": false, "error_code", "description",
 * "parameters"}}) into an {@link Answer}. Whatever is not that shape, or a result that is not what the method
 * returns, is {@link Answer.Unreachable}; no text from the answer reaches a value before {@link SafeText}.
 */
final class BotApiAnswers {
    /** What {@code createChatInviteLink} returns; anything else would be handed to browsers as a redirect. */
    private static final Pattern INVITE_LINK = Pattern.compile("https://t\\.me/(?:\\+|joinchat/)[A-Za-z0-9_-]{1,128}");
    /** Telegram usernames are 5–32 of these; a little slack, never markup or spaces. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    /** Reads the {@code result} of a successful call. */
    interface ResultReader<T> {
        /** @throws Malformed when the result is not what the method returns */
        T read(Object result);
    }

    /** The answer is not the Bot API's. */
    static final class Malformed extends RuntimeException {
        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    static final ResultReader<BotIdentity> BOT_IDENTITY = result -> {
        if (!(result instanceof JsonObject user) || !isInteger(user.getValue("id"))
                || !(user.getValue("username") instanceof String username) || !USERNAME.matcher(username).matches()) {
            throw new Malformed("getMe answered a result without a bot id and username");
        }
        return new BotIdentity(((Number) user.getValue("id")).longValue(), username);
    };

    static final ResultReader<InviteLink> INVITE_LINK_RESULT = result -> {
        if (!(result instanceof JsonObject link) || !(link.getValue("invite_link") instanceof String url)
                || !INVITE_LINK.matcher(url).matches()) {
            throw new Malformed("createChatInviteLink answered a result without a t.me invite link");
        }
        return new InviteLink(url);
    };

    static final ResultReader<Void> TRUE = result -> null;

    private BotApiAnswers() {
    }

    static <T> Answer<T> read(int status, Buffer body, BotToken token, ResultReader<T> reader) {
        JsonObject answer;
        try {
            answer = new JsonObject(body);
        } catch (RuntimeException notAJsonObject) {
            return notBotApi(status);
        }
        Object ok = answer.getValue("ok");
        if (Boolean.TRUE.equals(ok) && status / 100 == 2) {
            try {
                return new Answer.Ok<>(reader.read(answer.getValue("result")));
            } catch (Malformed malformed) {
                return new Answer.Unreachable<>(malformed.getMessage());
            }
        }
        if (!Boolean.FALSE.equals(ok)) {
            return notBotApi(status);
        }
        int code = answer.getValue("error_code") instanceof Number number
                && number.longValue() >= 100 && number.longValue() <= 999 ? number.intValue() : status;
        String description = answer.getValue("description") instanceof String text ? SafeText.scrub(text, token) : "";
        if (description.isEmpty()) {
            description = "HTTP " + status;
        }
        Long retryAfter = retryAfter(answer);
        if (retryAfter != null && !description.toLowerCase(Locale.ROOT).contains("retry after")) {
            description = SafeText.scrub(description + " (retry after " + retryAfter + " s)", token);
        }
        return new Answer.Refused<>(code, description);
    }

    /** A JSON integer that fits a long (Jackson reads larger ones as BigInteger, fractions as Double). */
    private static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long;
    }

    private static Long retryAfter(JsonObject answer) {
        if (answer.getValue("parameters") instanceof JsonObject parameters
                && parameters.getValue("retry_after") instanceof Number seconds
                && seconds.longValue() >= 0 && seconds.longValue() <= 86_400) {
            return seconds.longValue();
        }
        return null;
    }

    private static <T> Answer<T> notBotApi(int status) {
        return new Answer.Unreachable<>(
                "Telegram answered HTTP " + status + " with something that is not a Bot API answer");
    }
}
