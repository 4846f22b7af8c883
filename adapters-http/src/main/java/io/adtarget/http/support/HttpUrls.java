package io.adtarget.http.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks of URLs clients send (eventSourceUrl). */
public final class HttpUrls {
    static final int MAX_LENGTH = 2048;

    private HttpUrls() {
    }

    /** The URL itself when it is an absolute http(s) URL with a host, no user-info and at most 2048 characters. */
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
            if (uri.getRawUserInfo() != null) {
                // Meta would be handed the shop's credentials, and they would sit in our database and logs.
                throw new IllegalArgumentException("must not contain credentials (user:password@)");
            }
            return text;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an absolute http(s) URL");
        }
    }
}
