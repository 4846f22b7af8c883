package io.adtarget.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adtarget.domain.PropertyCheck;
import io.adtarget.domain.shared.KeyMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** API key secrets: {@code atk_live_}/{@code atk_test_} and 32+ base62 characters; shown once, stored hashed. */
class ApiKeySecretTest {
    private static final String LIVE = "atk_live_" + "aB3".repeat(13) + "z";

    @Test
    void a_secret_is_the_mode_prefix_and_32_to_200_base62_characters() {
        assertThat(new ApiKeySecret("atk_live_" + "a".repeat(32)).mode()).isEqualTo(KeyMode.LIVE);
        assertThat(new ApiKeySecret("atk_test_" + "Z9".repeat(100)).mode()).isEqualTo(KeyMode.TEST);
        for (String invalid : new String[] {"atk_live_" + "a".repeat(31), "atk_live_" + "a".repeat(201),
                "atk_prod_" + "a".repeat(32), "ATK_LIVE_" + "a".repeat(32), "atk_live_" + "a".repeat(31) + "-",
                " " + LIVE, LIVE + "\n", "Bearer " + LIVE}) {
            assertThat(ApiKeySecret.looksLikeKey(invalid)).as("[%s]", invalid).isFalse();
            assertThatThrownBy(() -> new ApiKeySecret(invalid)).isInstanceOf(IllegalArgumentException.class)
                    .message().doesNotContain("atk_");
        }
        assertThat(ApiKeySecret.looksLikeKey(null)).isFalse();
    }

    @Test
    void the_prefix_is_the_first_12_characters_and_the_hash_the_lower_case_sha256_of_the_whole_secret()
            throws Exception {
        ApiKeySecret secret = new ApiKeySecret(LIVE);
        String sha256 = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(LIVE.getBytes(StandardCharsets.UTF_8)));

        assertThat(secret.prefix()).isEqualTo("atk_live_aB3").hasSize(12);
        assertThat(secret.hash()).isEqualTo(sha256).matches("[0-9a-f]{64}");
    }

    @Test
    void the_text_of_a_secret_shows_the_prefix_only() {
        String text = new ApiKeySecret(LIVE).toString();

        assertThat(text).contains("atk_live_aB3").doesNotContain(LIVE.substring(12));
    }

    @Test
    void generated_secrets_have_the_mode_prefix_and_40_base62_characters_and_differ() {
        PropertyCheck.forAll("generated secrets", 1_000, random -> {
            KeyMode mode = random.nextBoolean() ? KeyMode.LIVE : KeyMode.TEST;

            ApiKeySecret first = ApiKeySecret.generate(mode, random);
            ApiKeySecret second = ApiKeySecret.generate(mode, random);

            assertThat(first.value()).matches("atk_" + mode.slug() + "_[0-9A-Za-z]{40}");
            assertThat(first.mode()).isEqualTo(mode);
            assertThat(first).isNotEqualTo(second);
        });
    }
}
