package io.adtarget.domain.telegram;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Telegram bot token ({@code <bot id>:<secret>}, as BotFather issues it). Its {@code toString}
 * never reveals it, so it cannot leak into logs by accident; only the bot id part is public.
 */
public record BotToken(String value) {
    private static final Pattern SHAPE = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,100}");

    public BotToken {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("botToken must look like <bot id>:<secret> as BotFather issues it");
        }
    }

    /** The numeric bot id before the colon: public, safe to log. */
    public long botId() {
        return Long.parseLong(value.substring(0, value.indexOf(':')));
    }

    @Override
    public String toString() {
        return "BotToken[" + botId() + ":redacted]";
    }
}
