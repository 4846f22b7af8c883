package io.adtarget.domain.userdata;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The raw {@code userData} of a request, every field optional (null = absent). It lives only while a request
 * is parsed: {@link UserDataNormaliser} turns it into {@link UserData}, and nothing stores or logs it.
 */
public record UserDataInput(
        Map<HashedField, String> contact,
        String clientIpAddress,
        String clientUserAgent,
        String fbc,
        String fbp,
        String fbclid) {

    public static final UserDataInput NONE = new UserDataInput(Map.of(), null, null, null, null, null);

    public UserDataInput {
        EnumMap<HashedField, String> copy = new EnumMap<>(HashedField.class);
        if (contact != null) {
            contact.forEach((field, value) -> {
                if (value != null) {
                    copy.put(field, value);
                }
            });
        }
        contact = Collections.unmodifiableMap(copy);
    }

    /** The same input with the browser's IP and user agent forwarded in headers, which win over the body. */
    public UserDataInput withForwarded(String headerIp, String headerUserAgent) {
        return new UserDataInput(contact, headerIp != null ? headerIp : clientIpAddress,
                headerUserAgent != null ? headerUserAgent : clientUserAgent, fbc, fbp, fbclid);
    }
}
