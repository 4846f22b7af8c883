package io.adtarget.domain.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adtarget.domain.PropertyCheck;
import io.adtarget.domain.shared.AccountId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Conversion ids are UUIDv7 (RFC 9562): the instant's milliseconds first, so they sort by creation time. */
class ConversionIdTest {
    private static final long YEAR_2000 = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
    private static final long YEAR_2100 = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();

    @Test
    void a_generated_id_carries_the_instants_milliseconds_version_7_and_variant_2() {
        PropertyCheck.forAll("UUIDv7 layout", 5_000, random -> {
            long millis = (long) (random.nextDouble() * (1L << 48));
            Instant instant = Instant.ofEpochMilli(millis).plusNanos(random.nextInt(1_000_000));

            UUID uuid = ConversionId.generate(instant, random).value();

            assertThat(uuid.getMostSignificantBits() >>> 16).as("timestamp of %s", uuid).isEqualTo(millis);
            assertThat(Long.parseLong(uuid.toString().replace("-", "").substring(0, 12), 16)).isEqualTo(millis);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
        });
    }

    @Test
    void ids_of_later_milliseconds_sort_after_earlier_ones_as_text_and_as_uuids() {
        PropertyCheck.forAll("UUIDv7 order", 200, random -> {
            List<Long> times = new ArrayList<>();
            List<ConversionId> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                long millis = YEAR_2000 + (long) (random.nextDouble() * (YEAR_2100 - YEAR_2000));
                if (!times.contains(millis)) {
                    times.add(millis);
                    ids.add(ConversionId.generate(Instant.ofEpochMilli(millis), random));
                }
            }
            List<ConversionId> byTime = new ArrayList<>(ids);
            byTime.sort(Comparator.comparing(id -> times.get(ids.indexOf(id))));

            assertThat(ids.stream().sorted(Comparator.comparing(ConversionId::toString)).toList()).isEqualTo(byTime);
            assertThat(ids.stream().sorted(Comparator.comparing(ConversionId::value)).toList()).isEqualTo(byTime);
        });
    }

    @Test
    void the_same_instant_and_random_source_give_the_same_id_and_other_draws_differ() {
        Instant now = Instant.parse("2025-03-01T12:00:00.123Z");

        assertThat(ConversionId.generate(now, new Random(9))).isEqualTo(ConversionId.generate(now, new Random(9)));
        Random random = new Random(9);
        assertThat(ConversionId.generate(now, random)).isNotEqualTo(ConversionId.generate(now, random));
    }

    @Test
    void instants_outside_the_48_bit_millisecond_range_are_refused() {
        Random random = new Random(1);

        assertThat(ConversionId.generate(Instant.ofEpochMilli((1L << 48) - 1), random).value().version()).isEqualTo(7);
        assertThat(ConversionId.generate(Instant.EPOCH, random).value().version()).isEqualTo(7);
        assertThatThrownBy(() -> ConversionId.generate(Instant.ofEpochMilli(1L << 48), random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversionId.generate(Instant.EPOCH.minusMillis(1), random))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsing_accepts_the_canonical_form_only() {
        ConversionId id = ConversionId.generate(Instant.parse("2025-03-01T12:00:00Z"), new Random(1));

        assertThat(ConversionId.parse(id.toString())).isEqualTo(id);
        assertThat(ConversionId.parse(id.toString().toUpperCase())).isEqualTo(id);
        assertThatThrownBy(() -> ConversionId.parse("1-2-3-4-5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversionId.parse(id.toString().replace("-", "")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversionId.parse(" " + id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversionId.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entity_ids_are_random_version_4_uuids_from_the_given_source() {
        PropertyCheck.forAll("UUIDv4 layout", 1_000, random -> {
            UUID uuid = AccountId.random(random).value();
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
        });
    }
}
