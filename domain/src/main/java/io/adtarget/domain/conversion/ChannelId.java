package io.adtarget.domain.conversion;

import java.util.Objects;
import java.util.regex.Pattern;

/** A Telegram channel or chat id as its decimal string: optional '-' then 1–20 digits. */
public record ChannelId(String value) {
    private static final Pattern FORMAT = Pattern.compile("^-?[0-9]{1,20}$");

    public ChannelId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("channelId must be an optional '-' followed by 1-20 digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
