package io.adtarget.domain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adtarget.domain.PropertyCheck;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Random header values are accepted exactly when the rule of semantics §1, written here on its own, says so. */
class IdempotencyKeyPropertyTest {
    private static final Pattern VALID_KEY = Pattern.compile("[\\x20-\\x7E]{1,128}");
    private static final Pattern SF_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\[\"\\\\])*)\"");
    private static final Pattern OUTER_SPACES = Pattern.compile("^ +| +\\z");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\"\\\\])");
    private static final String[] ODD_PIECES = {" ", "\"", "\\", "\\\"", "\\\\", "\t", "\n", "\r", "\u0000", "\u001F",
        "\u007F", "\u00E9", "\uD83D\uDE00", "\u00A0"};
    private static final int[] EDGE_LENGTHS = {0, 1, 2, 126, 127, 128, 129, 130};

    /** The key the rule yields for a raw header value, or empty when the rule refuses it. */
    private static Optional<String> expectedKey(String raw) {
        String trimmed = OUTER_SPACES.matcher(raw).replaceAll("");
        String key = trimmed;
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            Matcher quoted = SF_STRING.matcher(trimmed);
            if (!quoted.matches()) {
                return Optional.empty();
            }
            key = OUTER_SPACES.matcher(ESCAPE.matcher(quoted.group(1)).replaceAll("$1")).replaceAll("");
        }
        return VALID_KEY.matcher(key).matches() ? Optional.of(key) : Optional.empty();
    }

    private static String randomRaw(Random random) {
        StringBuilder out = new StringBuilder();
        // Lengths cluster at the edges; half of the values carry no odd character at all.
        int length = random.nextBoolean() ? EDGE_LENGTHS[random.nextInt(EDGE_LENGTHS.length)] : random.nextInt(140);
        int oddOneIn = random.nextBoolean() ? Integer.MAX_VALUE : 1 + random.nextInt(16);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(oddOneIn) == 0) {
                out.append(ODD_PIECES[random.nextInt(ODD_PIECES.length)]);
            } else {
                out.append((char) (0x21 + random.nextInt(0x7E - 0x21 + 1)));
            }
        }
        String raw = random.nextInt(3) == 0 ? "\"" + out + "\"" : out.toString();
        return " ".repeat(random.nextInt(2) * random.nextInt(3)) + raw + " ".repeat(random.nextInt(2));
    }

    @Test
    void a_random_header_value_is_a_valid_key_iff_it_meets_the_rule() {
        int[] accepted = {0};
        PropertyCheck.forAll("header value valid iff rule", 10_000, random -> {
            String raw = randomRaw(random);
            Optional<String> expected = expectedKey(raw);
            if (expected.isPresent()) {
                assertThat(IdempotencyKey.fromHeader(raw).value()).as("key of [%s]", raw).isEqualTo(expected.get());
                accepted[0]++;
            } else {
                assertThatThrownBy(() -> IdempotencyKey.fromHeader(raw)).as("key of [%s]", raw)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        });
        // Both outcomes must be common, or the property says little.
        assertThat(accepted[0]).isBetween(1_000, 9_000);
    }

    @Test
    void a_random_string_is_a_valid_key_value_iff_it_has_1_to_128_visible_ascii_or_space_characters() {
        PropertyCheck.forAll("constructor valid iff rule", 10_000, random -> {
            String value = randomRaw(random);
            if (VALID_KEY.matcher(value).matches()) {
                assertThat(new IdempotencyKey(value).value()).isEqualTo(value);
            } else {
                assertThatThrownBy(() -> new IdempotencyKey(value)).isInstanceOf(IllegalArgumentException.class);
            }
        });
    }
}
