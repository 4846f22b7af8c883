package io.adtarget.domain.userdata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Meta's {@code db}: {@code YYYYMMDD}, punctuation between the parts allowed on input, a real date from 1900. */
final class DateOfBirth {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{P}]+");
    private static final Pattern EIGHT_DIGITS = Pattern.compile("[0-9]{8}");

    private DateOfBirth() {
    }

    static Normalised normalise(String text) {
        String digits = SEPARATORS.matcher(text).replaceAll("");
        if (!EIGHT_DIGITS.matcher(digits).matches()) {
            return Normalised.refused("must be a date as YYYYMMDD");
        }
        int year = Integer.parseInt(digits.substring(0, 4));
        try {
            LocalDate.of(year, Integer.parseInt(digits.substring(4, 6)), Integer.parseInt(digits.substring(6, 8)));
        } catch (DateTimeException e) {
            return Normalised.refused("must be a real calendar date as YYYYMMDD");
        }
        return year >= 1900 ? Normalised.value(digits) : Normalised.refused("must be a date from 1900 on");
    }
}
