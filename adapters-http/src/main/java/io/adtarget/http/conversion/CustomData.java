package io.adtarget.http.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import io.adtarget.http.support.FieldReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code customData}: an object of at most 50 keys whose values are strings, numbers, booleans, arrays or objects. */
final class CustomData {
    static final int MAX_KEYS = 50;
    static final int MAX_DIGITS = 1000;

    private CustomData() {
    }

    static Map<String, Object> read(FieldReader in) {
        JsonNode raw = in.raw("customData");
        if (raw == null) {
            return Map.of();
        }
        if (!raw.isObject()) {
            return in.fail("customData", "must be an object");
        }
        if (raw.size() > MAX_KEYS) {
            return in.fail("customData", "must have at most 50 keys");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String problem = field.getValue().isNull() ? null : unstorable(field);
            if (field.getValue().isNull()) {
                in.fail("customData." + field.getKey(), "must not be null");
            } else if (problem != null) {
                in.fail("customData", problem);
            } else {
                out.put(field.getKey(), toJava(field.getValue()));
            }
        }
        return out;
    }

    /**
     * Why a value cannot be stored (as Postgres jsonb) and sent on, or null: text with a NUL character
     * (jsonb refuses U+0000 in keys and strings) or a number of more than 1000 digits either side of
     * the decimal point (beyond jsonb's numeric range, e.g. {@code 1e200000}).
     */
    private static String unstorable(Map.Entry<String, JsonNode> field) {
        if (field.getKey().indexOf('\u0000') >= 0) {
            return "keys must not contain NUL characters";
        }
        return unstorable(field.getValue());
    }

    private static String unstorable(JsonNode node) {
        if (node.isTextual() && node.textValue().indexOf('\u0000') >= 0) {
            return "strings must not contain NUL characters";
        }
        if (node.isNumber() && !node.isIntegralNumber() || node.isBigInteger()) {
            java.math.BigDecimal number = node.decimalValue();
            if (Math.abs((long) number.precision() - number.scale()) > MAX_DIGITS || Math.abs(number.scale()) > MAX_DIGITS) {
                return "numbers must have at most 1000 digits";
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String problem = unstorable(it.next());
            if (problem != null) {
                return problem;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                String problem = unstorable(element);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    /** A JSON value as plain Java: String, Long/BigInteger/BigDecimal, Boolean, null, List, Map. */
    static Object toJava(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toJava(element)));
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
            return map;
        }
        return null;
    }
}
