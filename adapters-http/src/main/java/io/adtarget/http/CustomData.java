package io.adtarget.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code customData}: an object of at most 50 keys whose values are strings, numbers, booleans, arrays or objects. */
final class CustomData {
    static final int MAX_KEYS = 50;

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
            if (field.getValue().isNull()) {
                in.fail("customData." + field.getKey(), "must not be null");
            } else {
                out.put(field.getKey(), toJava(field.getValue()));
            }
        }
        return out;
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
