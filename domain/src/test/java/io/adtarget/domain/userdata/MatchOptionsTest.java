package io.adtarget.domain.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.domain.conversion.EventTimes;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** actionSource, Limited Data Use options and the seconds-or-milliseconds eventTime rule. */
class MatchOptionsTest {

    @Test
    void chat_is_the_default_and_app_is_not_offered() {
        assertThat(ActionSource.DEFAULT.wire()).isEqualTo("chat");
        assertThat(ActionSource.fromWire("phone_call")).contains(ActionSource.PHONE_CALL);
        assertThat(ActionSource.fromWire("app")).isEmpty();
        assertThat(ActionSource.fromWire("Website")).isEmpty();
    }

    @Test
    void a_website_conversion_needs_its_page_url_and_the_browser_user_agent() {
        assertThat(ActionSource.WEBSITE.missingRequirements(false, false)).extracting(InvalidField::field)
                .containsExactly("eventSourceUrl", "userData.clientUserAgent");
        assertThat(ActionSource.WEBSITE.missingRequirements(true, true)).isEmpty();
        assertThat(ActionSource.CHAT.missingRequirements(false, false)).isEmpty();
    }

    @Test
    void ldu_takes_country_and_state_codes_defaulting_to_geolocation() {
        assertThat(DataProcessingOptions.parse(List.of("LDU"), 1, 1000).options())
                .isEqualTo(new DataProcessingOptions(true, 1, 1000));
        assertThat(DataProcessingOptions.parse(List.of("LDU"), null, null).options())
                .isEqualTo(new DataProcessingOptions(true, 0, 0));
        assertThat(DataProcessingOptions.parse(List.of(), null, null).options())
                .isEqualTo(DataProcessingOptions.NOT_LIMITED);
        assertThat(DataProcessingOptions.parse(null, null, null).options()).isNull();
    }

    @Test
    void other_options_and_codes_without_ldu_are_refused_by_field() {
        assertThat(DataProcessingOptions.parse(List.of("GDPR"), null, null).errors())
                .extracting(InvalidField::field).containsExactly("dataProcessingOptions");
        assertThat(DataProcessingOptions.parse(List.of(), 1, null).errors())
                .extracting(InvalidField::field).containsExactly("dataProcessingOptionsCountry");
        assertThat(DataProcessingOptions.parse(List.of("LDU"), 2, 7).errors())
                .extracting(InvalidField::field)
                .containsExactly("dataProcessingOptionsCountry", "dataProcessingOptionsState");
        assertThat(DataProcessingOptions.parse(null, null, 1000).errors())
                .extracting(InvalidField::field).containsExactly("dataProcessingOptionsState");
    }

    @Test
    void an_event_time_from_ten_to_the_twelve_on_is_read_as_milliseconds() {
        assertThat(EventTimes.fromEpoch(1764270253L)).isEqualTo(Instant.ofEpochSecond(1764270253L));
        assertThat(EventTimes.fromEpoch(1764270253123L)).isEqualTo(Instant.ofEpochMilli(1764270253123L));
        assertThat(EventTimes.fromEpoch(999_999_999_999L)).isEqualTo(Instant.ofEpochSecond(999_999_999_999L));
        assertThat(EventTimes.fromEpoch(1_000_000_000_000L)).isEqualTo(Instant.ofEpochMilli(1_000_000_000_000L));
    }
}
