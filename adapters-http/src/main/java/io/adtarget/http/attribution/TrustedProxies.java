package io.adtarget.http.attribution;

import io.adtarget.domain.userdata.ClientIpAddress;
import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TRUSTED_PROXIES: the CIDR blocks whose {@code X-Forwarded-For} we believe. The client is the connection's
 * peer unless that peer is trusted; then the header is walked from the right, skipping trusted hops, and the
 * first untrusted address is the client (an address a client wrote further left could be anything).
 */
public final class TrustedProxies {
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** Parses {@code 10.0.0.0/8, 2001:db8::/32, 192.0.2.7}; throws IllegalArgumentException naming the bad entry. */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Block> blocks = new ArrayList<>();
        for (String entry : list.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            byte[] network = bytes(slash < 0 ? text : text.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block"));
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("'" + text + "' has an invalid prefix length");
                }
            }
            blocks.add(new Block(network, prefix));
        }
        return new TrustedProxies(blocks);
    }

    /** The client's address for this request, or null when none is an IP literal. */
    public String clientIp(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        Optional<String> current = peer == null ? Optional.empty() : ClientIpAddress.parse(peer);
        if (current.isEmpty() || !trusted(current.get())) {
            return current.orElse(null);
        }
        List<String> hops = new ArrayList<>();
        for (String header : request.headers().getAll("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                hops.add(hop);
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<String> hop = ClientIpAddress.parse(hops.get(i));
            if (hop.isEmpty()) {
                // a trusted proxy never writes garbage: what lies left of it is not believable either
                return current.get();
            }
            current = hop;
            if (!trusted(hop.get())) {
                return hop.get();
            }
        }
        return current.get();
    }

    boolean trusted(String address) {
        Optional<byte[]> bytes = bytes(address);
        return bytes.isPresent() && blocks.stream().anyMatch(block -> block.contains(bytes.get()));
    }

    private static Optional<byte[]> bytes(String literal) {
        Optional<String> ip = ClientIpAddress.parse(literal);
        if (ip.isEmpty()) {
            return Optional.empty();
        }
        try {
            // a literal (checked above), so no name is resolved
            byte[] raw = InetAddress.getByName(ip.get()).getAddress();
            return Optional.of(raw);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
