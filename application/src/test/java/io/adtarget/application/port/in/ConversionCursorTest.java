package io.adtarget.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adtarget.domain.conversion.ConversionId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConversionCursorTest {
    private static final ConversionId ID = ConversionId.generate(Instant.parse("2026-11-27T10:00:00Z"),
            new SplittableRandom(1));

    @Test
    void a_cursor_round_trips_with_microsecond_precision() {
        ConversionCursor cursor = new ConversionCursor(Instant.parse("2026-11-27T10:00:00.123456Z"), ID);

        assertThat(ConversionCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void garbage_and_forged_cursors_are_refused_as_invalid() {
        for (String bad : new String[] {"", "!!!", "djE6", forge("v2:1:0:" + ID), forge("v1:x:0:" + ID),
                forge("v1:31556889864403199:0:" + ID), forge("v1:-1:0:" + ID), forge("v1:1:0:not-a-uuid")}) {
            assertThatThrownBy(() -> ConversionCursor.decode(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("cursor is invalid");
        }
    }

    private static String forge(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }
}
