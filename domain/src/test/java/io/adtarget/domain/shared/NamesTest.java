package io.adtarget.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void a_name_of_1_to_200_printable_characters_is_valid() {
        assertThat(Names.requireValid("A")).isEqualTo("A");
        assertThat(Names.requireValid("Ü".repeat(200))).hasSize(200);
    }

    @Test
    void blank_too_long_and_control_character_names_are_refused() {
        for (String bad : new String[] {null, "", "   ", "x".repeat(201), "a\u0000b", "tab\there", "line\nbreak", "\u007f"}) {
            assertThatThrownBy(() -> Names.requireValid(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name must");
        }
    }
}
