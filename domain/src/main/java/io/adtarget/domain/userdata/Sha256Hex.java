package io.adtarget.domain.userdata;

import io.adtarget.domain.shared.Sha256;
import java.util.regex.Pattern;

/** A lower-case hex SHA-256 digest: the only form in which contact data is kept or sent. */
public record Sha256Hex(String value) {
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    public Sha256Hex {
        if (value == null || !looksHashed(value)) {
            throw new IllegalArgumentException("a SHA-256 hex digest is 64 lower-case hex characters");
        }
    }

    /** Whether a text already is a lower-case hex SHA-256 (a client that hashes itself): passed through unhashed. */
    public static boolean looksHashed(String text) {
        return HEX_64.matcher(text).matches();
    }

    /** The digest of a normalised value's UTF-8 bytes. */
    public static Sha256Hex of(String normalised) {
        return new Sha256Hex(Sha256.hex(normalised));
    }

    @Override
    public String toString() {
        return value;
    }
}
