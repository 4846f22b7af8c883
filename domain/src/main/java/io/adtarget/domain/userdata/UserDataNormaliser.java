package io.adtarget.domain.userdata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a request's raw user data into {@link UserData}: each contact field normalised as Meta requires and
 * hashed (already-hashed values pass through), the browser signals validated, an {@code fbclid} turned into an
 * {@code fbc} stamped with the receipt time when no {@code fbc} is given. Refusals are values, never exceptions,
 * and name the field ({@code userData.email}) without echoing the value.
 */
public final class UserDataNormaliser {
    public static final String PREFIX = "userData.";

    private UserDataNormaliser() {
    }

    public static UserDataResult normalise(UserDataInput input, Instant receivedAt) {
        List<InvalidField> errors = new ArrayList<>();
        Map<HashedField, Sha256Hex> hashes = new EnumMap<>(HashedField.class);
        boolean knownUs = "us".equals(normalisedCountry(input));
        input.contact().forEach((field, raw) -> {
            Normalised normalised = field == HashedField.ZIP && knownUs
                    ? HashedField.usZip(raw)
                    : field.normalise(raw);
            if (normalised instanceof Normalised.Value value) {
                hashes.put(field, hashOf(value.text()));
            } else if (normalised instanceof Normalised.Refused refused) {
                errors.add(invalid(field.requestName(), refused.message()));
            }
        });
        ClientIpAddress ip = null;
        if (input.clientIpAddress() != null) {
            var parsed = ClientIpAddress.parse(input.clientIpAddress());
            if (parsed.isPresent()) {
                ip = new ClientIpAddress(parsed.get());
            } else {
                errors.add(invalid("clientIpAddress", "must be an IPv4 or IPv6 address"));
            }
        }
        ClientUserAgent userAgent = null;
        if (input.clientUserAgent() != null) {
            String problem = ClientUserAgent.problem(input.clientUserAgent());
            if (problem == null) {
                userAgent = new ClientUserAgent(input.clientUserAgent());
            } else {
                errors.add(invalid("clientUserAgent", problem));
            }
        }
        FacebookClickId fbc = clickId(input, receivedAt, errors);
        FacebookBrowserId fbp = null;
        if (input.fbp() != null) {
            String text = input.fbp().strip();
            if (FacebookBrowserId.isValid(text)) {
                fbp = new FacebookBrowserId(text);
            } else {
                errors.add(invalid("fbp", "must look like fb.1.<creation ms>.<random>"));
            }
        }
        return errors.isEmpty()
                ? new UserDataResult.Accepted(new UserData(hashes, ip, userAgent, fbc, fbp))
                : new UserDataResult.Rejected(errors);
    }

    private static FacebookClickId clickId(UserDataInput input, Instant receivedAt, List<InvalidField> errors) {
        if (input.fbc() != null) {
            String text = input.fbc().strip();
            if (FacebookClickId.isValid(text)) {
                return new FacebookClickId(text);
            }
            errors.add(invalid("fbc", "must look like fb.1.<creation ms>.<fbclid>"));
            return null;
        }
        if (input.fbclid() != null) {
            String fbclid = input.fbclid().strip();
            if (FacebookClickId.isValidFbclid(fbclid)) {
                return FacebookClickId.fromFbclid(fbclid, receivedAt);
            }
            errors.add(invalid("fbclid", "must be 1 to 500 visible ASCII characters"));
        }
        return null;
    }

    private static String normalisedCountry(UserDataInput input) {
        String country = input.contact().get(HashedField.COUNTRY);
        if (country == null) {
            return null;
        }
        return HashedField.COUNTRY.normalise(country) instanceof Normalised.Value value ? value.text() : null;
    }

    private static Sha256Hex hashOf(String normalised) {
        return Sha256Hex.looksHashed(normalised) ? new Sha256Hex(normalised) : Sha256Hex.of(normalised);
    }

    private static InvalidField invalid(String requestName, String message) {
        return new InvalidField(PREFIX + requestName, message);
    }
}
