package io.adtarget.application.port.out;

import java.util.Objects;

/**
 * Seals secrets we must store (Meta access tokens, later Telegram bot tokens) so that a database
 * dump alone reveals none. {@code context} names where the value lives (table, column, row id):
 * a sealed value opens only in the context it was sealed for, so it cannot be copied to another row.
 */
public interface SecretBox {
    /** The id of the key new seals use (the newest of the ring). */
    String currentKeyId();

    Sealed seal(String plaintext, String context);

    /** The plaintext; fails when the key is not in the ring or the value or context was tampered with. */
    String open(Sealed sealed, String context);

    /** A sealed value and the id of the key that sealed it. */
    record Sealed(String keyId, String ciphertext) {
        public Sealed {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(ciphertext, "ciphertext");
        }

        @Override
        public String toString() {
            return "Sealed[keyId=" + keyId + "]";
        }
    }
}
