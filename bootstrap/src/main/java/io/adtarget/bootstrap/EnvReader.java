package io.adtarget.bootstrap;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Typed reads of environment variables; every failure is a {@link ConfigException} naming the variable. */
final class EnvReader {
    private final Map<String, String> env;

    EnvReader(Map<String, String> env) {
        this.env = env;
    }

    String raw(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    String string(String name, String fallback) {
        String value = raw(name);
        return value == null ? fallback : value;
    }

    int integer(String name, int fallback, int min, int max) {
        return parse(name, fallback, text -> {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException();
            }
            return value;
        }, "an integer between " + min + " and " + max);
    }

    Duration duration(String name, Duration fallback) {
        return parse(name, fallback, text -> {
            Duration value = Duration.parse(text.toUpperCase(Locale.ROOT));
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException();
            }
            return value;
        }, "a positive ISO-8601 duration such as PT30S or PT24H");
    }

    boolean bool(String name, boolean fallback) {
        return parse(name, fallback, text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException();
        }, "true or false");
    }

    <T> T oneOf(String name, T fallback, Function<String, T> parser, String expected) {
        return parse(name, fallback, parser, expected);
    }

    URI uri(String name, String... schemes) {
        String text = raw(name);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            for (String scheme : schemes) {
                if (scheme.equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                    return uri;
                }
            }
        } catch (java.net.URISyntaxException ignored) {
            // reported below without echoing the value, which may hold a password
        }
        throw new ConfigException(name, "must be a URL of scheme " + String.join(" or ", schemes) + "://host…");
    }

    private <T> T parse(String name, T fallback, Function<String, T> parser, String expected) {
        String text = raw(name);
        if (text == null) {
            return fallback;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ConfigException(name, "must be " + expected + " (got '" + text + "')");
        }
    }
}
