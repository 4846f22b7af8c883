package io.adtarget.domain.site;

import java.util.Objects;

/** Where and with which credentials a site's conversions go to Meta. */
public record MetaConnection(MetaPixelId pixelId, AccessToken accessToken) {
    public MetaConnection {
        Objects.requireNonNull(pixelId, "pixelId");
        Objects.requireNonNull(accessToken, "accessToken");
    }
}
