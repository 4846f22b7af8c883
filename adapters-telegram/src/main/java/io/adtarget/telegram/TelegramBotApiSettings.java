package io.adtarget.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the live client finds the Bot API and how much one call may cost.
 *
 * @param apiUrl           base URL, e.g. {@code https://api.telegram.org} (TELEGRAM_API_URL; tests point it at a
 *                         local fake); methods are posted to {@code {apiUrl}/bot{token}/{method}}
 * @param timeout          overall deadline of one call, connecting and reading the body included
 * @param maxResponseBytes answers longer than this are not read (they are not the Bot API's)
 */
public record TelegramBotApiSettings(URI apiUrl, Duration timeout, int maxResponseBytes) {
    public static final URI DEFAULT_API_URL = URI.create("https://api.telegram.org");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

    public TelegramBotApiSettings {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(timeout, "timeout");
        if (!("http".equals(apiUrl.getScheme()) || "https".equals(apiUrl.getScheme())) || apiUrl.getHost() == null
                || apiUrl.getRawQuery() != null || apiUrl.getRawFragment() != null
                || apiUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "TELEGRAM_API_URL must be an http(s) URL without user info, query or fragment");
        }
        String text = apiUrl.toString();
        if (text.endsWith("/")) {
            apiUrl = URI.create(text.substring(0, text.length() - 1));
        }
        if (timeout.isNegative() || timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the Telegram timeout must be a positive duration");
        }
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1024");
        }
    }

    /** Telegram's production Bot API, a 10 s deadline, answers up to 64 KiB. */
    public static TelegramBotApiSettings defaults() {
        return new TelegramBotApiSettings(DEFAULT_API_URL, DEFAULT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES);
    }

    public TelegramBotApiSettings withApiUrl(URI url) {
        return new TelegramBotApiSettings(url, timeout, maxResponseBytes);
    }

    public TelegramBotApiSettings withTimeout(Duration deadline) {
        return new TelegramBotApiSettings(apiUrl, deadline, maxResponseBytes);
    }

    public TelegramBotApiSettings withMaxResponseBytes(int cap) {
        return new TelegramBotApiSettings(apiUrl, timeout, cap);
    }
}
