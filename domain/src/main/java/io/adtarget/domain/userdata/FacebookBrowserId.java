package io.adtarget.domain.userdata;

import java.util.regex.Pattern;

/** Meta's {@code fbp}, the browser id of the {@code _fbp} cookie: {@code fb.<subdomain index>.<creation ms>.<random>}, never hashed. */
public record FacebookBrowserId(String value) {
    private static final Pattern SHAPE = Pattern.compile("fb\\.[0-9]\\.[0-9]{1,16}\\.[\\x21-\\x7E]{1,500}");

    public FacebookBrowserId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("fbp must look like fb.1.<ms>.<random>");
        }
    }

    public static boolean isValid(String value) {
        return SHAPE.matcher(value).matches();
    }
}
