package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.ConversionId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/** A position in a newest-first listing: the (createdAt, id) of the last item returned. Opaque to clients. */
public record ConversionCursor(Instant createdAt, ConversionId id) {
    /** Cursors only ever point at stored times; anything outside this range is forged. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    public ConversionCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    public String encode() {
        String plain = "v1:" + createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Decodes a cursor from a previous page; throws {@link IllegalArgumentException} for anything else. */
    public static ConversionCursor decode(String text) {
        try {
            if (text == null || text.length() > 200) {
                throw new IllegalArgumentException("cursor is invalid");
            }
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            String[] parts = plain.split(":", -1);
            if (parts.length != 4 || !parts[0].equals("v1")) {
                throw new IllegalArgumentException("cursor is invalid");
            }
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
                throw new IllegalArgumentException("cursor is invalid");
            }
            return new ConversionCursor(at, ConversionId.parse(parts[3]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor is invalid");
        }
    }
}
