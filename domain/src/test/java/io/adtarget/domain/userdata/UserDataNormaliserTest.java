package io.adtarget.domain.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.domain.shared.Sha256;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDataNormaliserTest {
    private static final Instant RECEIVED = Instant.parse("2025-11-27T19:04:13.123Z");
    private static final String UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)";

    @Test
    void every_contact_field_is_kept_only_as_the_hash_of_its_normalised_form() {
        Map<HashedField, String> contact = new EnumMap<>(HashedField.class);
        contact.put(HashedField.EMAIL, "  Ann@Example.COM ");
        contact.put(HashedField.PHONE, "+49 (030) 1234-567");
        contact.put(HashedField.FIRST_NAME, " Ann ");
        contact.put(HashedField.LAST_NAME, "Müller");
        contact.put(HashedField.CITY, "Frankfurt am Main");
        contact.put(HashedField.STATE, "HE");
        contact.put(HashedField.ZIP, "60311");
        contact.put(HashedField.COUNTRY, "DE");
        contact.put(HashedField.DATE_OF_BIRTH, "19900131");
        contact.put(HashedField.GENDER, "f");
        contact.put(HashedField.EXTERNAL_ID, "Customer-42");

        UserData data = accepted(new UserDataInput(contact, null, null, null, null, null));

        assertThat(data.hash(HashedField.EMAIL).value()).isEqualTo(Sha256.hex("ann@example.com"));
        assertThat(data.hash(HashedField.PHONE).value()).isEqualTo(Sha256.hex("49030 1234567".replace(" ", "")));
        assertThat(data.hash(HashedField.FIRST_NAME).value()).isEqualTo(Sha256.hex("ann"));
        assertThat(data.hash(HashedField.LAST_NAME).value()).isEqualTo(Sha256.hex("müller"));
        assertThat(data.hash(HashedField.CITY).value()).isEqualTo(Sha256.hex("frankfurtammain"));
        assertThat(data.hash(HashedField.STATE).value()).isEqualTo(Sha256.hex("he"));
        assertThat(data.hash(HashedField.ZIP).value()).isEqualTo(Sha256.hex("60311"));
        assertThat(data.hash(HashedField.COUNTRY).value()).isEqualTo(Sha256.hex("de"));
        assertThat(data.hash(HashedField.DATE_OF_BIRTH).value()).isEqualTo(Sha256.hex("19900131"));
        assertThat(data.hash(HashedField.GENDER).value()).isEqualTo(Sha256.hex("f"));
        assertThat(data.hash(HashedField.EXTERNAL_ID).value()).isEqualTo(Sha256.hex("Customer-42"));
        assertThat(data.metaKeys()).containsExactly("em", "ph", "fn", "ln", "ct", "st", "zp", "country", "db", "ge",
                "external_id");
        assertThat(data.toString()).doesNotContain("ann@example.com", "Ann@Example", "1234");
    }

    @Test
    void leading_zeros_and_the_international_prefix_leave_the_phone_without_a_plus() {
        assertThat(HashedField.PHONE.normalise("0044 844 412 4653")).isEqualTo(new Normalised.Value("448444124653"));
        assertThat(HashedField.PHONE.normalise("+44 844 412 4653")).isEqualTo(new Normalised.Value("448444124653"));
    }

    @Test
    void a_us_zip_plus_four_keeps_five_digits_and_other_countries_lose_only_spaces_and_dashes() {
        assertThat(HashedField.ZIP.normalise("94025-1234")).isEqualTo(new Normalised.Value("94025"));
        assertThat(HashedField.ZIP.normalise("SW1A 1AA")).isEqualTo(new Normalised.Value("sw1a1aa"));
        assertThat(HashedField.ZIP.normalise("00-950")).isEqualTo(new Normalised.Value("00950"));
        UserData us = accepted(new UserDataInput(Map.of(HashedField.ZIP, "940251234", HashedField.COUNTRY, "us"),
                null, null, null, null, null));
        assertThat(us.hash(HashedField.ZIP).value()).isEqualTo(Sha256.hex("94025"));
    }

    @Test
    void a_value_already_hashed_by_the_client_is_passed_through_unhashed() {
        String hashed = Sha256.hex("ann@example.com");
        UserData data = accepted(new UserDataInput(Map.of(HashedField.EMAIL, hashed, HashedField.PHONE, hashed),
                null, null, null, null, null));
        assertThat(data.hash(HashedField.EMAIL).value()).isEqualTo(hashed);
        assertThat(data.hash(HashedField.PHONE).value()).isEqualTo(hashed);
    }

    @Test
    void bad_values_are_refused_each_under_its_field_name_without_the_value() {
        Map<HashedField, String> contact = new EnumMap<>(HashedField.class);
        contact.put(HashedField.EMAIL, "ann.example.com");
        contact.put(HashedField.PHONE, "call me");
        contact.put(HashedField.STATE, "California");
        contact.put(HashedField.COUNTRY, "xx");
        contact.put(HashedField.DATE_OF_BIRTH, "19900231");
        contact.put(HashedField.GENDER, "x");
        UserDataInput input = new UserDataInput(contact, "999.1.1.1", "x".repeat(513), "fb.1.abc", "fbp", null);

        UserDataResult result = UserDataNormaliser.normalise(input, RECEIVED);

        assertThat(result).isInstanceOf(UserDataResult.Rejected.class);
        List<InvalidField> errors = ((UserDataResult.Rejected) result).errors();
        assertThat(errors).extracting(InvalidField::field).containsExactly("userData.email", "userData.phone",
                "userData.state", "userData.country", "userData.dateOfBirth", "userData.gender",
                "userData.clientIpAddress", "userData.clientUserAgent", "userData.fbc", "userData.fbp");
        assertThat(errors).extracting(InvalidField::message)
                .noneMatch(message -> message.contains("ann.example") || message.contains("999.1"));
    }

    @Test
    void an_fbclid_becomes_an_fbc_stamped_with_the_receipt_time_in_milliseconds_case_kept() {
        UserData data = accepted(new UserDataInput(Map.of(), null, null, null, null, "IwAR2F4-dbP0l7Mn1IawQQ"));
        assertThat(data.fbc().value()).isEqualTo("fb.1.1764270253123.IwAR2F4-dbP0l7Mn1IawQQ");
    }

    @Test
    void a_given_fbc_wins_over_an_fbclid() {
        UserData data = accepted(new UserDataInput(Map.of(), null, null, "fb.1.1554763741205.AbCdEf", null, "Other"));
        assertThat(data.fbc().value()).isEqualTo("fb.1.1554763741205.AbCdEf");
    }

    @Test
    void forwarded_headers_override_the_body_ip_and_user_agent() {
        UserDataInput body = new UserDataInput(Map.of(), "10.0.0.1", "curl/8", null, null, null);
        UserData data = accepted(body.withForwarded("2001:DB8::1", UA));
        assertThat(data.clientIpAddress().value()).isEqualTo("2001:db8::1");
        assertThat(data.clientUserAgent().value()).isEqualTo(UA);
        assertThat(accepted(body.withForwarded(null, null)).clientUserAgent().value()).isEqualTo("curl/8");
    }

    @Test
    void signals_say_which_match_signals_a_conversion_carries() {
        UserData data = accepted(new UserDataInput(Map.of(HashedField.PHONE, "+16505551212"), "1.2.3.4", UA,
                null, "fb.1.1596403881668.1116446470", null));
        assertThat(data.signals()).containsExactly(MatchSignal.FBP, MatchSignal.IP_AND_USER_AGENT,
                MatchSignal.EMAIL_OR_PHONE);
        assertThat(UserData.NONE.signals()).isEmpty();
        assertThat(data.metaKeys()).containsExactly("ph", "client_ip_address", "client_user_agent", "fbp");
    }

    @Test
    void a_user_agent_of_512_characters_is_accepted_and_one_of_513_refused() {
        assertThat(ClientUserAgent.problem("a".repeat(512))).isNull();
        assertThat(ClientUserAgent.problem("a".repeat(513))).isEqualTo("must be at most 512 characters");
        assertThat(ClientUserAgent.problem("Mozilla\n/5.0")).isEqualTo("must not contain control characters");
    }

    private static UserData accepted(UserDataInput input) {
        UserDataResult result = UserDataNormaliser.normalise(input, RECEIVED);
        assertThat(result).isInstanceOf(UserDataResult.Accepted.class);
        return ((UserDataResult.Accepted) result).userData();
    }
}
