package io.adtarget.persistence.local;

import io.adtarget.application.port.out.SecretBox;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link SecretBox} with AES-256-GCM (JDK): a random 96-bit nonce per value, the context as
 * associated data, stored as base64(nonce ‖ ciphertext ‖ tag) beside the key id. The key ring is
 * {@code id:base64key[,id:base64key…]}; the FIRST entry is the newest and seals, all of them open.
 */
public final class AesGcmSecretBox implements SecretBox {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKeySpec> keys;
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    private AesGcmSecretBox(Map<String, SecretKeySpec> keys, String currentKeyId) {
        this.keys = keys;
        this.currentKeyId = currentKeyId;
    }

    /**
     * Parses a key ring; the message of a refusal names the entry by position, never its key.
     *
     * @throws IllegalArgumentException when the ring is malformed
     */
    public static AesGcmSecretBox fromKeyRing(String ring) {
        if (ring == null || ring.isBlank()) {
            throw new IllegalArgumentException("is empty; expected id:base64key[,id:base64key…]");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String[] entries = ring.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon);
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("entry " + (i + 1) + " needs an id of 1-32 letters, digits, - or _"
                        + " before ':' (id:base64key)");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key " + id + " is not base64");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("key " + id + " must be 32 bytes (AES-256), base64-encoded");
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("key id " + id + " appears twice");
            }
        }
        return new AesGcmSecretBox(Map.copyOf(keys), keys.keySet().iterator().next());
    }

    /** A new ring entry {@code id:base64key} with 32 random bytes. */
    public static String newKeyRingEntry(String id) {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return id + ":" + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public String currentKeyId() {
        return currentKeyId;
    }

    @Override
    public Sealed seal(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, context,
                plaintext.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
        return new Sealed(currentKeyId, Base64.getEncoder().encodeToString(out.array()));
    }

    @Override
    public String open(Sealed sealed, String context) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("secret sealed with key " + sealed.keyId()
                    + ", which SECRETS_KEY does not hold");
        }
        byte[] all = Base64.getDecoder().decode(sealed.ciphertext());
        if (all.length <= NONCE_BYTES) {
            throw new IllegalStateException("sealed secret is truncated");
        }
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(run(Cipher.DECRYPT_MODE, key, nonce, context, body), StandardCharsets.UTF_8);
    }

    private static byte[] run(int mode, SecretKeySpec key, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // never the key or the value in the message
            throw new IllegalStateException("sealed secret does not open (wrong key, context or tampered value)");
        }
    }

    @Override
    public String toString() {
        return "AesGcmSecretBox[current=" + currentKeyId + ", keys=" + keys.size() + "]";
    }
}
