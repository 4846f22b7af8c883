package io.adtarget.domain.userdata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a client told us about the person behind a conversion, in the only form we keep it: contact fields as
 * normalised SHA-256 digests, and the browser signals Meta needs raw (IP, user agent, fbc, fbp). Clear-text
 * contact data never reaches this type. Every part is optional; {@link #NONE} carries nothing.
 */
public record UserData(
        Map<HashedField, Sha256Hex> hashes,
        ClientIpAddress clientIpAddress,
        ClientUserAgent clientUserAgent,
        FacebookClickId fbc,
        FacebookBrowserId fbp) {

    public static final UserData NONE = new UserData(Map.of(), null, null, null, null);

    public UserData {
        Objects.requireNonNull(hashes, "hashes");
        EnumMap<HashedField, Sha256Hex> copy = new EnumMap<>(HashedField.class);
        hashes.forEach((field, hash) -> copy.put(Objects.requireNonNull(field), Objects.requireNonNull(hash)));
        hashes = Collections.unmodifiableMap(copy);
    }

    public Sha256Hex hash(HashedField field) {
        return hashes.get(field);
    }

    public boolean isEmpty() {
        return hashes.isEmpty() && clientIpAddress == null && clientUserAgent == null && fbc == null && fbp == null;
    }

    /** The same data with another user agent (the forwarded header wins over the body). */
    public UserData withClientUserAgent(ClientUserAgent userAgent) {
        return new UserData(hashes, clientIpAddress, userAgent, fbc, fbp);
    }

    /**
     * The Meta {@code user_data} keys this data fills, in Meta's documented order: what responses echo as
     * {@code userDataFields} (the Telegram external_id, always sent, is not the client's and is not listed).
     */
    public List<String> metaKeys() {
        List<String> keys = new ArrayList<>();
        hashes.keySet().forEach(field -> keys.add(field.metaKey()));
        keys.addAll(rawSignals().keySet());
        return List.copyOf(keys);
    }

    /**
     * The signals Meta takes unhashed, by their {@code user_data} key (client_ip_address, client_user_agent,
     * fbc, fbp, in that order), only those present: one mapping for the Meta payload and the stored row.
     */
    public Map<String, String> rawSignals() {
        Map<String, String> raw = new LinkedHashMap<>();
        if (clientIpAddress != null) {
            raw.put("client_ip_address", clientIpAddress.value());
        }
        if (clientUserAgent != null) {
            raw.put("client_user_agent", clientUserAgent.value());
        }
        if (fbc != null) {
            raw.put("fbc", fbc.value());
        }
        if (fbp != null) {
            raw.put("fbp", fbp.value());
        }
        return Collections.unmodifiableMap(raw);
    }

    /** The match signals this data carries, for coverage per site. */
    public List<MatchSignal> signals() {
        List<MatchSignal> signals = new ArrayList<>();
        for (MatchSignal signal : MatchSignal.values()) {
            if (signal.presentIn(this)) {
                signals.add(signal);
            }
        }
        return List.copyOf(signals);
    }
}
