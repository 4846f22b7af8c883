package io.adtarget.application.port.in;

import io.adtarget.domain.site.AccessToken;
import io.adtarget.domain.site.MetaPixelId;
import io.adtarget.domain.site.TestEventCode;
import java.util.Objects;

/** A partial site update; name and enabled can be set but not cleared. */
public record SitePatch(Patch<String> name, Patch<MetaPixelId> metaPixelId, Patch<AccessToken> metaAccessToken,
        Patch<TestEventCode> testEventCode, Patch<Boolean> enabled) {
    public SitePatch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metaPixelId, "metaPixelId");
        Objects.requireNonNull(metaAccessToken, "metaAccessToken");
        Objects.requireNonNull(testEventCode, "testEventCode");
        Objects.requireNonNull(enabled, "enabled");
        if (name instanceof Patch.Clear || enabled instanceof Patch.Clear) {
            throw new IllegalArgumentException("name and enabled cannot be cleared");
        }
    }
}
