package io.adtarget.persistence.testing;

import io.adtarget.persistence.local.AesGcmSecretBox;

/** A key ring for tests (a fresh random key per run). */
public final class TestSecrets {
    public static final String RING = AesGcmSecretBox.newKeyRingEntry("test1");
    public static final AesGcmSecretBox BOX = AesGcmSecretBox.fromKeyRing(RING);

    private TestSecrets() {
    }
}
