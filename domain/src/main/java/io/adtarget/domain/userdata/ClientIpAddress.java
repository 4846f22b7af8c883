package io.adtarget.domain.userdata;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The browser's IPv4 or IPv6 address as Meta's {@code client_ip_address} (never hashed). Parsed as a literal
 * only: no name is ever resolved. IPv4 is dotted decimal without leading zeros; IPv6 is RFC 4291 text
 * (one {@code ::} at most, an IPv4 tail allowed, no zone id), kept in lower case.
 */
public record ClientIpAddress(String value) {
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-f]{1,4}");
    private static final Pattern DECIMAL_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");

    public ClientIpAddress {
        if (value == null || parse(value).map(ip -> !ip.equals(value)).orElse(true)) {
            throw new IllegalArgumentException("not a normalised IPv4 or IPv6 address");
        }
    }

    /** The address in its normalised text (trimmed, lower case), or empty when it is no IP literal. */
    public static Optional<String> parse(String raw) {
        String text = raw.strip().toLowerCase(Locale.ROOT);
        if (text.length() > 45) {
            return Optional.empty();
        }
        return isIpv4(text) || isIpv6(text) ? Optional.of(text) : Optional.empty();
    }

    static boolean isIpv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (!DECIMAL_OCTET.matcher(octet).matches() || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        int groups = 0;
        String[] halves = doubleColon >= 0
                ? new String[] {text.substring(0, doubleColon), text.substring(doubleColon + 2)}
                : new String[] {text};
        for (int h = 0; h < halves.length; h++) {
            if (halves[h].isEmpty()) {
                continue;
            }
            String[] parts = halves[h].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                boolean last = h == halves.length - 1 && i == parts.length - 1;
                if (last && parts[i].contains(".")) {
                    if (!isIpv4(parts[i])) {
                        return false;
                    }
                    groups += 2;
                } else if (HEX_GROUP.matcher(parts[i]).matches()) {
                    groups += 1;
                } else {
                    return false;
                }
            }
        }
        return doubleColon >= 0 ? groups <= 7 : groups == 8;
    }
}
