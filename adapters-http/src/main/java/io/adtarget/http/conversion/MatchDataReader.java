package io.adtarget.http.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import io.adtarget.domain.userdata.ActionSource;
import io.adtarget.domain.userdata.DataProcessingOptions;
import io.adtarget.domain.userdata.HashedField;
import io.adtarget.domain.userdata.InvalidField;
import io.adtarget.domain.userdata.MatchData;
import io.adtarget.domain.userdata.UserData;
import io.adtarget.domain.userdata.UserDataInput;
import io.adtarget.domain.userdata.UserDataNormaliser;
import io.adtarget.domain.userdata.UserDataResult;
import io.adtarget.http.support.FieldReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code userData}, {@code actionSource} and {@code dataProcessingOptions*} of a conversion request.
 * The headers {@code X-Adtarget-Client-IP} / {@code X-Adtarget-Client-User-Agent} (the browser's values,
 * forwarded by the client's backend) override the body's. Raw values never leave this method: they are
 * normalised and hashed here, and error messages never repeat them.
 */
final class MatchDataReader {
    static final String CLIENT_IP_HEADER = "X-Adtarget-Client-IP";
    static final String CLIENT_USER_AGENT_HEADER = "X-Adtarget-Client-User-Agent";
    private static final String USER_DATA = "userData";

    private MatchDataReader() {
    }

    /** The forwarded browser values of a request; null = header absent (a blank header counts as absent). */
    record ForwardedHeaders(String clientIp, String clientUserAgent) {
        static final ForwardedHeaders NONE = new ForwardedHeaders(null, null);

        ForwardedHeaders {
            clientIp = clientIp == null || clientIp.isBlank() ? null : clientIp;
            clientUserAgent = clientUserAgent == null || clientUserAgent.isBlank() ? null : clientUserAgent;
        }
    }

    static MatchData read(FieldReader in, ForwardedHeaders headers, boolean hasEventSourceUrl, Instant receivedAt) {
        UserData userData = userData(in, headers, receivedAt);
        ActionSource source = actionSource(in);
        DataProcessingOptions options = processingOptions(in);
        if (source != null && userData != null) {
            report(in, source.missingRequirements(hasEventSourceUrl, userData.clientUserAgent() != null));
        }
        return userData == null || source == null ? null : new MatchData(userData, source, options);
    }

    private static UserData userData(FieldReader in, ForwardedHeaders headers, Instant receivedAt) {
        JsonNode raw = in.raw(USER_DATA);
        UserDataInput input = UserDataInput.NONE;
        if (raw != null && !raw.isObject()) {
            in.fail(USER_DATA, "must be an object");
            return null;
        }
        boolean typesOk = true;
        if (raw != null) {
            Map<HashedField, String> contact = new EnumMap<>(HashedField.class);
            for (HashedField field : HashedField.values()) {
                String value = text(in, raw, field.requestName());
                typesOk &= value != null || !wrongType(raw, field.requestName());
                contact.put(field, value);
            }
            String[] browser = new String[5];
            String[] names = {"clientIpAddress", "clientUserAgent", "fbc", "fbp", "fbclid"};
            for (int i = 0; i < names.length; i++) {
                browser[i] = text(in, raw, names[i]);
                typesOk &= browser[i] != null || !wrongType(raw, names[i]);
            }
            input = new UserDataInput(contact, browser[0], browser[1], browser[2], browser[3], browser[4]);
        }
        input = input.withForwarded(headers.clientIp(), headers.clientUserAgent());
        UserDataResult result = UserDataNormaliser.normalise(input, receivedAt);
        if (result instanceof UserDataResult.Rejected rejected) {
            report(in, rejected.errors());
            return null;
        }
        return typesOk ? ((UserDataResult.Accepted) result).userData() : null;
    }

    private static ActionSource actionSource(FieldReader in) {
        String text = in.text("actionSource", false);
        if (text == null) {
            return in.raw("actionSource") == null ? ActionSource.DEFAULT : null;
        }
        return ActionSource.fromWire(text).orElseGet(() -> in.fail("actionSource",
                "must be one of chat, website, email, phone_call, physical_store, system_generated, "
                        + "business_messaging, other"));
    }

    private static DataProcessingOptions processingOptions(FieldReader in) {
        List<String> options = null;
        JsonNode raw = in.raw("dataProcessingOptions");
        if (raw != null) {
            if (!raw.isArray()) {
                return in.fail("dataProcessingOptions", "must be an array: [\"LDU\"] or []");
            }
            options = new ArrayList<>();
            for (JsonNode item : raw) {
                options.add(item.isTextual() ? item.textValue() : item.toString());
            }
        }
        Long country = in.integer("dataProcessingOptionsCountry", false);
        Long state = in.integer("dataProcessingOptionsState", false);
        DataProcessingOptions.Parsed parsed = DataProcessingOptions.parse(options, narrow(country), narrow(state));
        report(in, parsed.errors());
        return parsed.options();
    }

    private static Integer narrow(Long value) {
        return value == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static String text(FieldReader in, JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            return in.fail(USER_DATA + "." + name, "must be a string");
        }
        return value.textValue();
    }

    private static boolean wrongType(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value != null && !value.isNull() && !value.isTextual();
    }

    private static void report(FieldReader in, List<InvalidField> errors) {
        errors.forEach(error -> in.fail(error.field(), error.message()));
    }
}
