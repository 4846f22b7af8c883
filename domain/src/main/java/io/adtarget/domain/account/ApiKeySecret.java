package io.adtarget.domain.account;

import io.adtarget.domain.shared.Base62;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.Sha256;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** The full secret of an API key, shown once. {@code toString} redacts it. */
public record ApiKeySecret(String value) {
    public static final int RANDOM_LENGTH = 40;
    public static final int PREFIX_LENGTH = 12;
    private static final Pattern FORMAT = Pattern.compile("^atk_(live|test)_[0-9A-Za-z]{32,200}$");

    public ApiKeySecret {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not an API key");
        }
    }

    /** Whether {@code text} has the shape of an API key (cheap check before any look-up). */
    public static boolean looksLikeKey(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    /** A new secret: {@code atk_<mode>_} then 40 base62 characters from {@code random} (use a SecureRandom). */
    public static ApiKeySecret generate(KeyMode mode, RandomGenerator random) {
        return new ApiKeySecret("atk_" + mode.slug() + "_" + Base62.random(RANDOM_LENGTH, random));
    }

    public KeyMode mode() {
        return value.startsWith("atk_live_") ? KeyMode.LIVE : KeyMode.TEST;
    }

    public String hash() {
        return Sha256.hex(value);
    }

    public String prefix() {
        return value.substring(0, PREFIX_LENGTH);
    }

    @Override
    public String toString() {
        return "ApiKeySecret[" + prefix() + "…]";
    }
}
