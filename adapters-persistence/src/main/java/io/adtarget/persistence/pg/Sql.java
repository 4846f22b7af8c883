package io.adtarget.persistence.pg;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between Java values and what the Postgres client binds and returns. */
final class Sql {
    private Sql() {
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    static JsonObject json(Map<String, Object> map) {
        return new JsonObject(new LinkedHashMap<>(map));
    }

    /** A decoded jsonb object as plain maps and lists, as the domain holds custom data. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> plainMap(JsonObject json) {
        return json == null ? Map.of() : (Map<String, Object>) plain(json);
    }

    private static Object plain(Object value) {
        if (value instanceof JsonObject object) {
            Map<String, Object> out = new LinkedHashMap<>();
            object.getMap().forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof JsonArray array) {
            return plain(array.getList());
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        return value;
    }
}
