package io.adtarget.domain.conversion;

import io.adtarget.domain.shared.Sha256;

/** A Telegram user id: 1 … 2^53-1 (the largest integer JSON clients represent exactly). */
public record TelegramUserId(long value) {
    public static final long MAX = 9_007_199_254_740_991L;

    public TelegramUserId {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("telegramUserId must be between 1 and 9007199254740991");
        }
    }

    /** Meta's external_id: lower-case hex SHA-256 of the decimal id. */
    public String hashedExternalId() {
        return Sha256.hex(Long.toString(value));
    }
}
