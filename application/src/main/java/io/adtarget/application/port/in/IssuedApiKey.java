package io.adtarget.application.port.in;

import io.adtarget.domain.account.ApiKey;
import io.adtarget.domain.account.ApiKeySecret;

/** A newly issued key with its secret, which exists only in this value and is never stored. */
public record IssuedApiKey(ApiKey key, ApiKeySecret secret) {
}
