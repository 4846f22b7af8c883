package io.adtarget.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TelegramBotApiSettingsTest {

    @Test
    void the_defaults_are_telegrams_api_ten_seconds_and_64_kib() {
        assertThat(TelegramBotApiSettings.defaults()).isEqualTo(new TelegramBotApiSettings(
                URI.create("https://api.telegram.org"), Duration.ofSeconds(10), 65536));
    }

    @Test
    void a_trailing_slash_is_dropped_so_paths_join_cleanly() {
        assertThat(TelegramBotApiSettings.defaults().withApiUrl(URI.create("http://localhost:8081/")).apiUrl())
                .isEqualTo(URI.create("http://localhost:8081"));
    }

    @Test
    void an_api_url_that_is_not_plain_http_or_https_is_refused() {
        for (String url : new String[] {"ftp://api.telegram.org", "https://api.telegram.org?x=1",
            "https://user:pw@api.telegram.org", "https://api.telegram.org/#f", "/relative"}) {
            assertThatThrownBy(() -> TelegramBotApiSettings.defaults().withApiUrl(URI.create(url))).as(url)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TELEGRAM_API_URL");
        }
    }

    @Test
    void a_timeout_or_a_cap_that_cannot_work_is_refused() {
        assertThatThrownBy(() -> TelegramBotApiSettings.defaults().withTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelegramBotApiSettings.defaults().withTimeout(Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelegramBotApiSettings.defaults().withMaxResponseBytes(100))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
