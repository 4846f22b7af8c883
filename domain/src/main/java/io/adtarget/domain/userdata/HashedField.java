package io.adtarget.domain.userdata;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The contact fields Meta accepts only hashed, with their request name, Meta key and normalisation
 * (issue #13's table; docs/match-quality.md). Normalisation is idempotent: a normalised value normalises to itself.
 */
public enum HashedField {
    EMAIL("email", "em") {
        @Override
        Normalised normaliseText(String text) {
            String email = text.toLowerCase(Locale.ROOT);
            return email.length() <= 254 && EMAIL_SHAPE.matcher(email).matches()
                    ? Normalised.value(email)
                    : Normalised.refused("must be an email address (name@domain.tld)");
        }
    },
    PHONE("phone", "ph") {
        @Override
        Normalised normaliseText(String text) {
            if (!PHONE_CHARACTERS.matcher(text).matches()) {
                return Normalised.refused("must contain only digits, spaces and + - ( ) . /");
            }
            String digits = NON_DIGIT.matcher(text).replaceAll("").replaceFirst("^0+", "");
            return digits.length() >= 7 && digits.length() <= 15
                    ? Normalised.value(digits)
                    : Normalised.refused("must be 7 to 15 digits including the country code");
        }
    },
    FIRST_NAME("firstName", "fn") {
        @Override
        Normalised normaliseText(String text) {
            return personName(text);
        }
    },
    LAST_NAME("lastName", "ln") {
        @Override
        Normalised normaliseText(String text) {
            return personName(text);
        }
    },
    CITY("city", "ct") {
        @Override
        Normalised normaliseText(String text) {
            String city = SPACE_OR_PUNCTUATION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
            return !city.isEmpty() && city.length() <= 100 && !CONTROL.matcher(city).find()
                    ? Normalised.value(city)
                    : Normalised.refused("must be a city name of at most 100 letters");
        }
    },
    STATE("state", "st") {
        @Override
        Normalised normaliseText(String text) {
            String state = SPACE_OR_PUNCTUATION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
            return TWO_LETTERS.matcher(state).matches()
                    ? Normalised.value(state)
                    : Normalised.refused("must be a 2-letter state code (ca)");
        }
    },
    ZIP("zip", "zp") {
        @Override
        Normalised normaliseText(String text) {
            return zip(text, false);
        }
    },
    COUNTRY("country", "country") {
        @Override
        Normalised normaliseText(String text) {
            String country = text.toLowerCase(Locale.ROOT);
            return COUNTRIES.contains(country)
                    ? Normalised.value(country)
                    : Normalised.refused("must be an ISO 3166-1 alpha-2 country code (us)");
        }
    },
    DATE_OF_BIRTH("dateOfBirth", "db") {
        @Override
        Normalised normaliseText(String text) {
            return DateOfBirth.normalise(text);
        }
    },
    GENDER("gender", "ge") {
        @Override
        Normalised normaliseText(String text) {
            String gender = text.toLowerCase(Locale.ROOT);
            return gender.equals("f") || gender.equals("m")
                    ? Normalised.value(gender)
                    : Normalised.refused("must be f or m");
        }
    },
    EXTERNAL_ID("externalId", "external_id") {
        @Override
        Normalised normaliseText(String text) {
            // Kept as given (case too): it must hash exactly as the client's pixel and other channels hash it.
            return text.length() <= 256 && !CONTROL.matcher(text).find()
                    ? Normalised.value(text)
                    : Normalised.refused("must be at most 256 characters without control characters");
        }
    };

    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[0-9 +\\-().\\/]+");
    private static final Pattern NON_DIGIT = Pattern.compile("[^0-9]");
    private static final Pattern SPACE_OR_PUNCTUATION = Pattern.compile("[\\s\\p{P}]+");
    private static final Pattern TWO_LETTERS = Pattern.compile("[a-z]{2}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern WHITESPACE_OR_DASH = Pattern.compile("[\\s\\-]+");
    private static final Pattern ZIP_PLUS_FOUR = Pattern.compile("([0-9]{5})-[0-9]{4}");
    private static final Pattern ZIP_SHAPE = Pattern.compile("[a-z0-9]{1,16}");
    private static final Set<String> COUNTRIES = countries();

    private final String requestName;
    private final String metaKey;

    HashedField(String requestName, String metaKey) {
        this.requestName = requestName;
        this.metaKey = metaKey;
    }

    /** The field's name inside the request's {@code userData} object. */
    public String requestName() {
        return requestName;
    }

    /** The key under Meta's {@code user_data}. */
    public String metaKey() {
        return metaKey;
    }

    /**
     * Meta's normalisation of one raw value (surrounding whitespace removed first); a value that already is a
     * lower-case hex SHA-256 is returned as it is, because the client hashed it itself.
     */
    public Normalised normalise(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return Normalised.refused("must not be blank");
        }
        return Sha256Hex.looksHashed(text) ? Normalised.value(text) : normaliseText(text);
    }

    /** The zip of a person whose country is known to be the US: the first five digits of any US form. */
    static Normalised usZip(String raw) {
        String text = raw.strip();
        return Sha256Hex.looksHashed(text) ? Normalised.value(text) : zip(text, true);
    }

    abstract Normalised normaliseText(String text);

    private static Normalised personName(String text) {
        String name = text.toLowerCase(Locale.ROOT);
        return name.length() <= 100 && !CONTROL.matcher(name).find()
                ? Normalised.value(name)
                : Normalised.refused("must be at most 100 characters without control characters");
    }

    /**
     * Lower case without spaces or dashes. A US ZIP+4 written with its dash ({@code 94025-1234}) keeps its first
     * five digits; when the country is known to be the US, so does any all-digit form. Idempotent by design: the
     * dash-less nine digits of an unknown country stay as they are (a seeded property test found the other way).
     */
    private static Normalised zip(String text, boolean knownUs) {
        String compact = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        var zipPlusFour = ZIP_PLUS_FOUR.matcher(compact);
        if (zipPlusFour.matches()) {
            return Normalised.value(zipPlusFour.group(1));
        }
        String zip = WHITESPACE_OR_DASH.matcher(compact).replaceAll("");
        if (knownUs && zip.length() > 5 && zip.chars().allMatch(Character::isDigit)) {
            zip = zip.substring(0, 5);
        }
        return ZIP_SHAPE.matcher(zip).matches()
                ? Normalised.value(zip)
                : Normalised.refused("must be a postal code of letters and digits");
    }

    private static Set<String> countries() {
        Set<String> codes = new TreeSet<>();
        for (String code : Locale.getISOCountries()) {
            codes.add(code.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(codes);
    }
}
