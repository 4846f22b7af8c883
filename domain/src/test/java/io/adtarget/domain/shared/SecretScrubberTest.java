package io.adtarget.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretScrubberTest {
    /** What the HTTP adapter's Redaction caught before the rule had one owner. */
    private static final List<String> CAUGHT_BY_HTTP = List.of(
            "atk_live_4fGh7Kp2Qw9Zx1Lm", "atk_test_abc123", "Bearer s3cr3t", "bearer s3cr3t",
            "EAABsbCS1iHgB");
    /** What the Meta adapter's SafeText caught before the rule had one owner. */
    private static final List<String> CAUGHT_BY_META = List.of(
            "access_token=abc.def-ghi", "ACCESS_TOKEN=abc", "EAABsbCS1iHgBAKZCZA1234");

    @Test
    void removes_every_secret_that_either_adapter_used_to_remove() {
        for (String secret : concat(CAUGHT_BY_HTTP, CAUGHT_BY_META)) {
            String scrubbed = SecretScrubber.scrub("before " + secret + " after", "<x>");

            assertThat(scrubbed).as(secret).doesNotContain(secret).startsWith("before ").endsWith(" after")
                    .contains("<x>");
        }
    }

    @Test
    void removes_a_telegram_bot_token_bare_in_a_bot_path_and_url_encoded() {
        String token = "123456789:AAHk-3xYz_0123456789abcdefghijklmnop";

        assertThat(SecretScrubber.scrub("token " + token + " refused", "<x>")).isEqualTo("token <x> refused");
        assertThat(SecretScrubber.scrub("POST https://api.telegram.org/bot" + token + "/getMe", "<x>"))
                .isEqualTo("POST https://api.telegram.org/bot<x>/getMe");
        assertThat(SecretScrubber.scrub("bot" + token.replace(":", "%3A") + "/x", "<x>")).isEqualTo("bot<x>/x");
        assertThat(SecretScrubber.scrub("at 12:34:56, chat -1001234567890: member", "<x>"))
                .isEqualTo("at 12:34:56, chat -1001234567890: member");
    }

    @Test
    void keeps_the_name_of_an_access_token_parameter_and_the_rest_of_the_url() {
        assertThat(SecretScrubber.scrub("https://g/v1/events?access_token=EAAsecret&x=1", "[redacted]"))
                .isEqualTo("https://g/v1/events?access_token=[redacted]&x=1");
    }

    @Test
    void leaves_text_without_secrets_alone_and_null_as_null() {
        assertThat(SecretScrubber.scrub("Meta answered HTTP 400, code 100: bad pixel", "[redacted]"))
                .isEqualTo("Meta answered HTTP 400, code 100: bad pixel");
        assertThat(SecretScrubber.scrub(null, "[redacted]")).isNull();
    }

    @Test
    void a_marker_with_regex_replacement_characters_is_inserted_literally() {
        assertThat(SecretScrubber.scrub("Bearer x", "$1\\")).isEqualTo("$1\\");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
