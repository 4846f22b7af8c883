package io.adtarget.domain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Idempotency-Key header rules of semantics §1 at their edges. */
class IdempotencyKeyTest {

    private static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    @Test
    void a_key_of_one_character_and_one_of_128_characters_are_accepted() {
        assertThat(IdempotencyKey.fromHeader("k").value()).isEqualTo("k");
        assertThat(IdempotencyKey.fromHeader(repeat('k', 128)).value()).hasSize(128);
    }

    @Test
    void an_empty_key_and_a_key_of_129_characters_are_refused() {
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.fromHeader(repeat('k', 129)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_visible_ascii_character_and_the_space_inside_a_key_are_accepted() {
        StringBuilder all = new StringBuilder("a");
        for (char c = 0x20; c <= 0x7E; c++) {
            all.append(c);
        }
        all.append('z');

        assertThat(new IdempotencyKey(all.toString()).value()).isEqualTo(all.toString());
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {"tab\tinside", "new\nline", "carriage\rreturn", "nul\u0000", "unit\u001Fsep", "del\u007F",
            "caf\u00E9", "\u0100", "emoji\uD83D\uDE00", "nbsp\u00A0x", "\u2028"})
    void control_characters_del_and_non_ascii_are_refused(String raw) {
        assertThatThrownBy(() -> IdempotencyKey.fromHeader(raw)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdempotencyKey(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leading_and_trailing_spaces_are_trimmed_but_inner_ones_kept() {
        assertThat(IdempotencyKey.fromHeader("   order 42  ").value()).isEqualTo("order 42");
        assertThat(IdempotencyKey.fromHeader(" " + repeat('k', 128) + " ").value()).hasSize(128);
    }

    @Test
    void a_value_of_spaces_only_is_empty_after_trimming_and_refused() {
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("    ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leading_and_trailing_tabs_are_not_trimmed_and_make_the_key_invalid() {
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("\tkey")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("key\t")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_constructor_takes_the_value_as_is_without_trimming_or_unquoting() {
        assertThat(new IdempotencyKey(" \"k\" ").value()).isEqualTo(" \"k\" ");
    }

    @Test
    void a_quoted_value_is_unquoted() {
        assertThat(IdempotencyKey.fromHeader("\"order-42\"").value()).isEqualTo("order-42");
        assertThat(IdempotencyKey.fromHeader("  \"order-42\"  ").value()).isEqualTo("order-42");
    }

    @Test
    void escaped_quotes_and_backslashes_inside_quotes_become_the_characters_themselves() {
        assertThat(IdempotencyKey.fromHeader("\"a\\\"b\"").value()).isEqualTo("a\"b");
        assertThat(IdempotencyKey.fromHeader("\"a\\\\b\"").value()).isEqualTo("a\\b");
        assertThat(IdempotencyKey.fromHeader("\"\\\\\\\"\"").value()).isEqualTo("\\\"");
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {"\"a\\nb\"", "\"a\\tb\"", "\"trailing\\\"", "\"\\\"", "\"a\"b\"", "\"\"\"", "\"\""})
    void bad_escapes_bare_quotes_and_an_empty_quoted_value_are_refused(String raw) {
        assertThatThrownBy(() -> IdempotencyKey.fromHeader(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_length_limit_counts_the_unquoted_characters() {
        assertThat(IdempotencyKey.fromHeader("\"" + repeat('k', 128) + "\"").value()).hasSize(128);
        assertThat(IdempotencyKey.fromHeader("\"" + repeat('k', 127) + "\\\"\"").value()).hasSize(128);
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("\"" + repeat('k', 129) + "\""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void non_ascii_inside_quotes_is_refused_like_anywhere_else() {
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("\"caf\u00E9\"")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_value_that_only_starts_or_only_ends_with_a_quote_is_a_plain_key() {
        assertThat(IdempotencyKey.fromHeader("\"abc").value()).isEqualTo("\"abc");
        assertThat(IdempotencyKey.fromHeader("abc\"").value()).isEqualTo("abc\"");
        assertThat(IdempotencyKey.fromHeader("\"").value()).isEqualTo("\"");
        assertThat(IdempotencyKey.fromHeader("a\"b").value()).isEqualTo("a\"b");
    }

    @Test
    void rejection_messages_never_echo_the_key() {
        String secretLooking = "atk_live_" + repeat('x', 130);

        assertThatThrownBy(() -> IdempotencyKey.fromHeader(secretLooking))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("atk_live_");
    }

    @Test
    void a_quoted_key_of_spaces_only_is_invalid() {
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("\"   \"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("  \"\"  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spaces_inside_the_quotes_are_trimmed_so_a_quoted_key_is_the_same_key_as_the_bare_one() {
        assertThat(IdempotencyKey.fromHeader("\"  abc  \"")).isEqualTo(IdempotencyKey.fromHeader("abc"));
        assertThat(IdempotencyKey.fromHeader(" \" order 42 \" ").value()).isEqualTo("order 42");
    }

    @Test
    void a_control_character_inside_the_quotes_is_invalid() {
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("\"a\u0001b\"")).isInstanceOf(IllegalArgumentException.class);
    }
}
