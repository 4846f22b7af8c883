package io.adtarget.domain.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.domain.shared.Sha256;
import org.junit.jupiter.api.Test;

/**
 * The normalisation examples of Meta's "Customer Information Parameters" page
 * (https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/customer-information-parameters),
 * checked value by value: input, normalised form and Meta's own expected SHA-256. Fields whose examples Meta
 * gives without a digest (ct, st, zp, country, db, ge) are checked against the normalised form the page shows;
 * their digests are then the JDK's SHA-256 of that form, which the em/ph/fn vectors prove is Meta's hash.
 */
class MetaGoldenVectorsTest {

    @Test
    void email_john_smith_normalises_and_hashes_as_meta_documents() {
        assertVector(HashedField.EMAIL, "John_Smith@gmail.com", "john_smith@gmail.com",
                "62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f");
    }

    @Test
    void a_us_phone_gets_its_country_code_digits_only_and_hashes_as_meta_documents() {
        // Meta's input is "(650)555-1212" for a US number; the country code 1 is part of the value clients send.
        assertVector(HashedField.PHONE, "+1 (650)555-1212", "16505551212",
                "e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176");
    }

    @Test
    void first_names_mary_jeong_and_valery_hash_as_meta_documents() {
        assertVector(HashedField.FIRST_NAME, "Mary", "mary",
                "6915771be1c5aa0c886870b6951b03d7eafc121fea0e80a5ea83beb7c449f4ec");
        assertVector(HashedField.FIRST_NAME, "정", "정",
                "8fa8cd9c440be61d0151429310034083132b35975c4bea67fdd74158eb51db14");
        assertVector(HashedField.LAST_NAME, "Valéry", "valéry",
                "08e1996b5dd49e62a4b4c010d44e4345592a863bb9f8e3976219bac29417149c");
    }

    @Test
    void address_and_demographic_fields_take_the_normalised_forms_meta_shows() {
        assertNormalised(HashedField.CITY, "Menlo Park", "menlopark");
        assertNormalised(HashedField.STATE, "CA", "ca");
        assertNormalised(HashedField.ZIP, "94025-1234", "94025");
        assertNormalised(HashedField.COUNTRY, "US", "us");
        assertNormalised(HashedField.DATE_OF_BIRTH, "1997-02-16", "19970216");
        assertNormalised(HashedField.GENDER, "F", "f");
    }

    @Test
    void the_ip_and_fbc_examples_of_the_page_are_accepted_unchanged() {
        assertThat(ClientIpAddress.parse("168.212.226.204")).contains("168.212.226.204");
        assertThat(ClientIpAddress.parse("2001:0db8:85a3:0000:0000:8a2e:0370:7334"))
                .contains("2001:0db8:85a3:0000:0000:8a2e:0370:7334");
        assertThat(FacebookClickId.isValid("fb.1.1554763741205.AbCdEfGhIjKlMnOpQrStUvWxYz1234567890")).isTrue();
    }

    private static void assertVector(HashedField field, String input, String normalised, String metaDigest) {
        assertNormalised(field, input, normalised);
        assertThat(Sha256.hex(normalised)).as(field + " digest of " + normalised).isEqualTo(metaDigest);
        assertThat(Sha256Hex.of(normalised).value()).isEqualTo(metaDigest);
    }

    private static void assertNormalised(HashedField field, String input, String normalised) {
        assertThat(field.normalise(input)).as(field + " of " + input).isEqualTo(new Normalised.Value(normalised));
    }
}
