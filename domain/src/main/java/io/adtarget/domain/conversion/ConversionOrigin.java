package io.adtarget.domain.conversion;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a conversion came from: the API ({@link #API}) or a Telegram join attributed to a visit
 * ({@code source} {@code telegram-join} with its {@code visitId}).
 */
public record ConversionOrigin(String source, UUID visitId) {
    public static final ConversionOrigin API = new ConversionOrigin("api", null);
    public static final String TELEGRAM_JOIN = "telegram-join";

    public ConversionOrigin {
        Objects.requireNonNull(source, "source");
        if (!source.equals("api") && !source.equals(TELEGRAM_JOIN)) {
            throw new IllegalArgumentException("source must be api or telegram-join");
        }
        if (source.equals(TELEGRAM_JOIN) != (visitId != null)) {
            throw new IllegalArgumentException("a telegram-join conversion, and only it, names its visit");
        }
    }

    public static ConversionOrigin telegramJoin(UUID visitId) {
        return new ConversionOrigin(TELEGRAM_JOIN, visitId);
    }

    public static ConversionOrigin of(String source, UUID visitId) {
        return source == null ? API : new ConversionOrigin(source, visitId);
    }
}
