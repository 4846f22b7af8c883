package io.adtarget.domain.site;

import java.util.Objects;

/** A Meta pixel (dataset) id: 1–20 digits. */
public record MetaPixelId(String value) {
    public MetaPixelId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("^[0-9]{1,20}$")) {
            throw new IllegalArgumentException("metaPixelId must be 1-20 digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
