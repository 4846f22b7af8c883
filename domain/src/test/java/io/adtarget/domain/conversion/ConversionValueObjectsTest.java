package io.adtarget.domain.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The validating value objects of a conversion request (api.md, the request fields). */
class ConversionValueObjectsTest {

    @Test
    void telegram_user_ids_run_from_1_to_2_to_the_53_minus_1() {
        assertThat(new TelegramUserId(1).value()).isEqualTo(1);
        assertThat(new TelegramUserId(9_007_199_254_740_991L).value()).isEqualTo(TelegramUserId.MAX);
        assertThat(TelegramUserId.MAX).isEqualTo((1L << 53) - 1);
        for (long invalid : new long[] {0, -1, TelegramUserId.MAX + 1, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThatThrownBy(() -> new TelegramUserId(invalid)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void metas_external_id_is_the_lower_case_sha256_of_the_decimal_user_id() {
        assertThat(new TelegramUserId(1_234_567_890L).hashedExternalId())
                .isEqualTo("c775e7b757ede630cd0aa1113bd102661ab38829ca52a6422ab782862f268646");
    }

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {"0", "1", "-1", "-1001234567890", "12345678901234567890", "-12345678901234567890"})
    void channel_ids_are_an_optional_minus_and_1_to_20_digits(String value) {
        assertThat(new ChannelId(value).toString()).isEqualTo(value);
    }

    @ParameterizedTest(name = "refuses [{0}]")
    @ValueSource(strings = {"", "-", "+1", "--1", "123456789012345678901", "1.0", " 1", "1 ", "@channel", "\u0661"})
    void other_channel_ids_are_refused(String value) {
        assertThatThrownBy(() -> new ChannelId(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_meta_standard_event_name_is_accepted_in_its_exact_case_as_standard() {
        for (String name : EventType.STANDARD) {
            assertThat(new EventType(name).isStandard()).as(name).isTrue();
        }
        assertThat(EventType.STANDARD).hasSize(17).contains("Purchase", "Subscribe", "CompleteRegistration");
    }

    @Test
    void a_standard_name_in_another_case_is_only_a_custom_event() {
        EventType lower = new EventType("purchase");

        assertThat(lower.isStandard()).isFalse();
        assertThat(lower.requiresValue()).isFalse();
        assertThat(EventType.PURCHASE.requiresValue()).isTrue();
    }

    @Test
    void custom_names_start_with_a_letter_and_have_at_most_50_letters_digits_or_underscores() {
        assertThat(new EventType("J").isStandard()).isFalse();
        assertThat(new EventType("JoinedChannel_2").value()).isEqualTo("JoinedChannel_2");
        assertThat(new EventType("a" + "b".repeat(49)).value()).hasSize(50);
        assertThatThrownBy(() -> new EventType("a" + "b".repeat(50))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "refuses [{0}]")
    @ValueSource(strings = {"", "1Lead", "_Lead", "Lead-Form", "Lead Form", "L\u00E9ad", "Lead."})
    void other_event_names_are_refused(String value) {
        assertThatThrownBy(() -> new EventType(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void client_event_ids_have_1_to_100_visible_ascii_characters() {
        assertThat(new ClientEventId("x").value()).isEqualTo("x");
        assertThat(new ClientEventId("!~" + "a".repeat(98)).value()).hasSize(100);
        for (String invalid : new String[] {"", "a".repeat(101), "a b", "tab\t", "del\u007F", "caf\u00E9"}) {
            assertThatThrownBy(() -> new ClientEventId(invalid)).as("[%s]", invalid)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void status_skip_reason_and_error_code_slugs_are_the_api_spellings_and_round_trip() {
        assertThat(ConversionStatus.fromSlug("pending")).isEqualTo(ConversionStatus.PENDING);
        assertThat(SkipReason.TEST_EVENT_CODE_MISSING.slug()).isEqualTo("test-event-code-missing");
        for (DeliveryErrorCode code : DeliveryErrorCode.values()) {
            assertThat(DeliveryErrorCode.fromSlug(code.slug())).isEqualTo(code);
        }
        assertThatThrownBy(() -> ConversionStatus.fromSlug("SENT")).isInstanceOf(IllegalArgumentException.class);
    }
}
