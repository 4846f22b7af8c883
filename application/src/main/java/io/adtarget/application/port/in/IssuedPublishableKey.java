package io.adtarget.application.port.in;

import io.adtarget.domain.attribution.PublishableKey;

/** A new publishable key and its secret, shown once. */
public record IssuedPublishableKey(PublishableKey key, String secret) {
    @Override
    public String toString() {
        return "IssuedPublishableKey[" + key.prefix() + "…]";
    }
}
