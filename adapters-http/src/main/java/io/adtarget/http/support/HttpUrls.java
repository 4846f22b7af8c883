package io.adtarget.http.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks of URLs clients send (eventSourceUrl). */
public final class HttpUrls {
    static final int MAX_LENGTH = 2048;

    private HttpUrls() {
    }

    /** The URL itself when it is an absolute http(s) URL with a host and at most 2048 characters. */
    public static String requireAbsoluteHttp(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be 1-2048 characters");
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new IllegalArgumentException("must be an absolute http(s) URL");
            }
            return text;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an absolute http(s) URL");
        }
    }
}
