package io.adtarget.domain.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.domain.PropertyCheck;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random values: normalising twice changes nothing, and hashing an already-hashed value is a no-op. */
class UserDataPropertyTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-27T19:04:13.123Z");
    private static final String[] PIECES = {" ", "  ", "\t", "-", ".", "(", ")", "+", "/", "'", ",", "@", "_", "é",
        "정", "Ä", "ß", "İ", "0", "00", "A", "z", "Q", "7"};

    @Test
    void normalising_a_normalised_value_gives_the_same_value_for_every_field() {
        PropertyCheck.forAll("normalisation is idempotent", 3000, random -> {
            HashedField field = HashedField.values()[random.nextInt(HashedField.values().length)];
            String raw = randomValue(field, random);
            if (field.normalise(raw) instanceof Normalised.Value once) {
                assertThat(field.normalise(once.text())).as(field + " of '" + raw + "'").isEqualTo(once);
            }
        });
    }

    @Test
    void a_field_sent_as_its_own_hash_passes_through_as_that_hash() {
        PropertyCheck.forAll("hashing a hash is a no-op", 3000, random -> {
            HashedField field = HashedField.values()[random.nextInt(HashedField.values().length)];
            String raw = randomValue(field, random);
            UserDataResult first = UserDataNormaliser.normalise(input(field, raw), RECEIVED);
            if (first instanceof UserDataResult.Accepted accepted) {
                String hash = accepted.userData().hash(field).value();
                UserDataResult again = UserDataNormaliser.normalise(input(field, hash), RECEIVED);
                assertThat(again).as(field + " of '" + raw + "'").isEqualTo(first);
            }
        });
    }

    @Test
    void a_normalised_value_and_any_messier_spelling_of_it_hash_alike() {
        PropertyCheck.forAll("case and outer spaces do not change email hashes", 1000, random -> {
            String local = word(random, 1 + random.nextInt(10));
            String email = local + "@" + word(random, 1 + random.nextInt(8)) + ".com";
            String messy = " ".repeat(random.nextInt(3)) + flipCase(email, random) + " ".repeat(random.nextInt(3));
            assertThat(UserDataNormaliser.normalise(input(HashedField.EMAIL, messy), RECEIVED))
                    .isEqualTo(UserDataNormaliser.normalise(input(HashedField.EMAIL, email), RECEIVED));
        });
    }

    private static UserDataInput input(HashedField field, String value) {
        return new UserDataInput(Map.of(field, value), null, null, null, null, null);
    }

    /** Mostly plausible values of the field, mixed with odd pieces so that refusals and edge forms occur. */
    private static String randomValue(HashedField field, Random random) {
        String plausible = switch (field) {
            case EMAIL -> word(random, 1 + random.nextInt(12)) + "@" + word(random, 3) + "." + word(random, 2);
            case PHONE -> (random.nextBoolean() ? "+" : "00") + digits(random, 7 + random.nextInt(8));
            case ZIP -> random.nextBoolean() ? digits(random, 5) + "-" + digits(random, 4) : word(random, 6);
            case DATE_OF_BIRTH -> (1900 + random.nextInt(126)) + "-0" + (1 + random.nextInt(9)) + "-1"
                    + random.nextInt(10);
            case GENDER -> random.nextBoolean() ? "F" : " m ";
            case STATE -> word(random, 2);
            case COUNTRY -> random.nextBoolean() ? "DE" : "us";
            default -> word(random, 1 + random.nextInt(15));
        };
        StringBuilder out = new StringBuilder(plausible);
        int odd = random.nextInt(4);
        for (int i = 0; i < odd; i++) {
            out.insert(random.nextInt(out.length() + 1), PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }

    private static String word(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
        }
        return out.toString();
    }

    private static String digits(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private static String flipCase(String text, Random random) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
