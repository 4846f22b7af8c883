package io.adtarget.domain.userdata;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Meta's {@code fbc}, the click id of the {@code _fbc} cookie: {@code fb.<subdomain index>.<creation ms>.<fbclid>},
 * never hashed, case kept (Meta rejects an fbclid whose case changed).
 */
public record FacebookClickId(String value) {
    static final Pattern SHAPE = Pattern.compile("fb\\.[0-9]\\.[0-9]{1,16}\\.[\\x21-\\x7E]{1,500}");
    private static final Pattern FBCLID = Pattern.compile("[\\x21-\\x7E]{1,500}");

    public FacebookClickId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("fbc must look like fb.1.<ms>.<fbclid>");
        }
    }

    public static boolean isValid(String value) {
        return SHAPE.matcher(value).matches();
    }

    public static boolean isValidFbclid(String fbclid) {
        return FBCLID.matcher(fbclid).matches();
    }

    /** What the pixel would have stored for a landing-page {@code fbclid}: {@code fb.1.<receipt ms>.<fbclid>}. */
    public static FacebookClickId fromFbclid(String fbclid, Instant receivedAt) {
        return new FacebookClickId("fb.1." + receivedAt.toEpochMilli() + "." + fbclid);
    }
}
