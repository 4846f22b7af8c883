package io.adtarget.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The bad-input corpus: requests that must be refused before any use case runs. */
final class Corpus {
    static final long NOW = TestApi.NOW.getEpochSecond();
    static final String VALID = "{\"telegramUserId\": 42, \"channelId\": \"-100\", \"eventType\": \"Lead\"}";

    private Corpus() {
    }

    /** The valid body with one field replaced (or removed when {@code json} is null). */
    static String with(String field, String json) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("telegramUserId", "42");
        fields.put("channelId", "\"-100\"");
        fields.put("eventType", "\"Lead\"");
        if (json == null) {
            fields.remove(field);
        } else {
            fields.put(field, json);
        }
        return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }

    static List<BadRequest> all() {
        List<BadRequest> all = new ArrayList<>();
        all.add(BadRequest.body("malformed JSON", "{\"telegramUserId\": ", "body"));
        all.add(BadRequest.body("an array", "[]", "body"));
        all.add(BadRequest.body("JSON null", "null", "body"));
        all.add(BadRequest.body("a bare string", "\"Lead\"", "body"));
        all.add(BadRequest.body("an empty body", "", "body"));
        all.add(BadRequest.body("two JSON values", VALID + " {}", "body"));
        all.add(BadRequest.body("a duplicated key", "{\"eventType\": \"Lead\", \"eventType\": \"Purchase\"}", "body"));
        all.add(BadRequest.body("telegramUserId as a string", with("telegramUserId", "\"123\""), "telegramUserId"));
        all.add(BadRequest.body("telegramUserId with a fraction", with("telegramUserId", "1.5"), "telegramUserId"));
        all.add(BadRequest.body("telegramUserId in exponent form", with("telegramUserId", "1e3"), "telegramUserId"));
        all.add(BadRequest.body("telegramUserId 0", with("telegramUserId", "0"), "telegramUserId"));
        all.add(BadRequest.body("telegramUserId 2^53", with("telegramUserId", "9007199254740992"), "telegramUserId"));
        all.add(BadRequest.body("telegramUserId beyond a long", with("telegramUserId", "99999999999999999999"),
                "telegramUserId"));
        all.add(BadRequest.body("telegramUserId missing", with("telegramUserId", null), "telegramUserId"));
        all.add(BadRequest.body("telegramUserId null", with("telegramUserId", "null"), "telegramUserId"));
        all.add(BadRequest.body("channelId with a fraction", with("channelId", "12.5"), "channelId"));
        all.add(BadRequest.body("channelId of letters", with("channelId", "\"abc\""), "channelId"));
        all.add(BadRequest.body("channelId of 21 digits", with("channelId", "\"123456789012345678901\""), "channelId"));
        all.add(BadRequest.body("channelId as a boolean", with("channelId", "true"), "channelId"));
        all.add(BadRequest.body("channelId SQL-looking", with("channelId", "\"1 OR 1=1; DROP TABLE conversions\""),
                "channelId"));
        all.add(BadRequest.body("eventType as a number", with("eventType", "123"), "eventType"));
        all.add(BadRequest.body("eventType in wrong case of a standard event with a space",
                with("eventType", "\"add to cart\""), "eventType"));
        all.add(BadRequest.body("eventType of 51 characters", with("eventType", quoted("E" + "x".repeat(50))),
                "eventType"));
        all.add(BadRequest.body("eventType starting with a digit", with("eventType", "\"1Lead\""), "eventType"));
        all.add(BadRequest.body("eventType script-looking",
                with("eventType", "\"<script>alert(1)</script>\""), "eventType"));
        all.add(BadRequest.body("eventType missing", with("eventType", null), "eventType"));
        all.add(BadRequest.body("value negative", value("-0.0001", "\"USD\""), "value"));
        all.add(BadRequest.body("value one above 1e12", value("1000000000001", "\"USD\""), "value"));
        all.add(BadRequest.body("value with 5 decimals", value("1.23456", "\"USD\""), "value"));
        all.add(BadRequest.body("value as a string", value("\"49\"", "\"USD\""), "value"));
        all.add(BadRequest.body("value without currency", with("value", "10"), "currency"));
        all.add(BadRequest.body("currency unknown", value("10", "\"XYZ\""), "currency"));
        all.add(BadRequest.body("currency of two letters", value("10", "\"US\""), "currency"));
        all.add(BadRequest.body("currency as a number", value("10", "840"), "currency"));
        all.add(BadRequest.body("Purchase without value", with("eventType", "\"Purchase\""), "value"));
        all.add(BadRequest.body("eventTime 8 days old", with("eventTime", Long.toString(NOW - 8 * 86400)),
                "eventTime"));
        all.add(BadRequest.body("eventTime one second over 7 days old",
                with("eventTime", Long.toString(NOW - 7 * 86400 - 1)), "eventTime"));
        all.add(BadRequest.body("eventTime one second over 5 minutes ahead",
                with("eventTime", Long.toString(NOW + 301)), "eventTime"));
        all.add(BadRequest.body("eventTime as a string", with("eventTime", quoted(Long.toString(NOW))), "eventTime"));
        // milliseconds are accepted since issue #13 (>= 10^12 reads as ms); the age limits apply to them too
        all.add(BadRequest.body("eventTime in milliseconds 8 days old",
                with("eventTime", Long.toString((NOW - 8 * 86400) * 1000)), "eventTime"));
        all.add(BadRequest.body("eventTime in milliseconds 6 minutes ahead",
                with("eventTime", Long.toString((NOW + 360) * 1000 + 123)), "eventTime"));
        all.add(BadRequest.body("userData not an object", with("userData", "\"a@b.co\""), "userData"));
        all.add(BadRequest.body("userData.email without @", with("userData", "{\"email\":\"ann.example.com\"}"),
                "userData.email"));
        all.add(BadRequest.body("userData.clientIpAddress 999.1.1.1",
                with("userData", "{\"clientIpAddress\":\"999.1.1.1\"}"), "userData.clientIpAddress"));
        all.add(BadRequest.body("userData.fbc of a bad shape", with("userData", "{\"fbc\":\"fb.1.abc\"}"),
                "userData.fbc"));
        all.add(BadRequest.body("userData.gender unknown", with("userData", "{\"gender\":\"x\"}"),
                "userData.gender"));
        all.add(BadRequest.body("userData.phone a number", with("userData", "{\"phone\":16505551212}"),
                "userData.phone"));
        all.add(BadRequest.body("userData.clientUserAgent over 512", with("userData",
                "{\"clientUserAgent\":\"" + "a".repeat(513) + "\"}"), "userData.clientUserAgent"));
        all.add(BadRequest.body("actionSource unknown", with("actionSource", "\"app\""), "actionSource"));
        all.add(BadRequest.body("actionSource website without a URL or user agent",
                with("actionSource", "\"website\""), "eventSourceUrl"));
        all.add(BadRequest.body("dataProcessingOptions other than LDU",
                with("dataProcessingOptions", "[\"GDPR\"]"), "dataProcessingOptions"));
        all.add(BadRequest.body("eventId empty", with("eventId", "\"\""), "eventId"));
        all.add(BadRequest.body("eventId of 101 characters", with("eventId", quoted("e".repeat(101))), "eventId"));
        all.add(BadRequest.body("eventId with a space", with("eventId", "\"order 1\""), "eventId"));
        all.add(BadRequest.body("eventId with non-ASCII", with("eventId", "\"заказ\""), "eventId"));
        all.add(BadRequest.body("eventId with a control character", with("eventId", "\"a\\u0007b\""), "eventId"));
        all.add(BadRequest.body("eventSourceUrl javascript", with("eventSourceUrl", "\"javascript:alert(1)\""),
                "eventSourceUrl"));
        all.add(BadRequest.body("eventSourceUrl ftp", with("eventSourceUrl", "\"ftp://shop.example/x\""),
                "eventSourceUrl"));
        all.add(BadRequest.body("eventSourceUrl with user:pass@ credentials",
                with("eventSourceUrl", "\"https://admin:hunter2@shop.example/thanks\""), "eventSourceUrl"));
        all.add(BadRequest.body("eventSourceUrl with a user name",
                with("eventSourceUrl", "\"https://admin@shop.example/thanks\""), "eventSourceUrl"));
        all.add(BadRequest.body("eventSourceUrl with an empty user-info",
                with("eventSourceUrl", "\"https://:@shop.example/thanks\""), "eventSourceUrl"));
        all.add(BadRequest.body("eventSourceUrl relative", with("eventSourceUrl", "\"/thanks\""), "eventSourceUrl"));
        all.add(BadRequest.body("eventSourceUrl of 2049 characters",
                with("eventSourceUrl", quoted("https://shop.example/" + "a".repeat(2049 - 21))), "eventSourceUrl"));
        all.add(BadRequest.body("customData an array", with("customData", "[1, 2]"), "customData"));
        all.add(BadRequest.body("customData with 51 keys", with("customData", manyKeys(51)), "customData"));
        all.add(BadRequest.body("customData with a null value", with("customData", "{\"a\": null}"), "customData.a"));
        // Jackson alone would detect UTF-16 from the byte-order mark and accept it; the API is UTF-8 only.
        all.add(BadRequest.body("a valid body in UTF-16 with a byte-order mark", VALID, "body")
                .withBody(VALID.getBytes(java.nio.charset.StandardCharsets.UTF_16), 400, "validation-failed"));
        all.add(BadRequest.body("a body with bytes that are not UTF-8", VALID, "body")
                .withBody(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'}, 400, "validation-failed"));
        // Values Postgres jsonb cannot store must be refused here, not fail later as a 500.
        all.add(BadRequest.body("customData string with a NUL", with("customData", "{\"a\": \"x\\u0000y\"}"),
                "customData"));
        all.add(BadRequest.body("customData key with a NUL", with("customData", "{\"a\\u0000\": \"y\"}"),
                "customData"));
        all.add(BadRequest.body("customData nested NUL", with("customData", "{\"a\": [{\"b\": \"\\u0000\"}]}"),
                "customData"));
        all.add(BadRequest.body("customData number beyond numeric range", with("customData", "{\"a\": 1e200000}"),
                "customData"));
        all.addAll(transport());
        all.add(BadRequest.query("limit 0", "limit=0", "limit"));
        all.add(BadRequest.query("limit 201", "limit=201", "limit"));
        all.add(BadRequest.query("limit not a number", "limit=ten", "limit"));
        all.add(BadRequest.query("cursor garbage", "cursor=%27%3B--", "cursor"));
        all.add(BadRequest.query("status unknown", "status=done", "status"));
        all.add(BadRequest.query("telegramUserId with a fraction", "telegramUserId=1.5", "telegramUserId"));
        return all;
    }

    private static List<BadRequest> transport() {
        List<BadRequest> all = new ArrayList<>();
        byte[] huge = ("{\"customData\": {\"x\": \"" + "a".repeat(200 * 1024) + "\"}}").getBytes();
        all.add(BadRequest.body("a 200 KB body", "{}", null).withBody(huge, 413, "payload-too-large"));
        all.add(BadRequest.headers("X-Adtarget-Client-IP a host name", Map.of("X-Adtarget-Client-IP", "localhost"),
                400, "validation-failed"));
        all.add(BadRequest.headers("X-Adtarget-Client-User-Agent over 512 characters",
                Map.of("X-Adtarget-Client-User-Agent", "a".repeat(513)), 400, "validation-failed"));
        all.add(BadRequest.headers("text/plain", Map.of("Content-Type", "text/plain"), 415, "unsupported-media-type"));
        all.add(BadRequest.headers("a form body", Map.of("Content-Type", "application/x-www-form-urlencoded"), 415,
                "unsupported-media-type"));
        all.add(BadRequest.headers("JSON in latin-1", Map.of("Content-Type", "application/json; charset=iso-8859-1"),
                415, "unsupported-media-type"));
        all.add(BadRequest.headers("no Content-Type", nulls("Content-Type"), 415, "unsupported-media-type"));
        all.add(BadRequest.headers("a gzip-encoded body", Map.of("Content-Encoding", "gzip"), 415, "unsupported-media-type"));
        all.add(BadRequest.headers("a deflate-encoded body", Map.of("Content-Encoding", "deflate"), 415,
                "unsupported-media-type"));
        all.add(BadRequest.headers("a br, gzip-encoded body", Map.of("Content-Encoding", "br, gzip"), 415,
                "unsupported-media-type"));
        all.add(BadRequest.headers("no Authorization", nulls("Authorization"), 401, "unauthorized"));
        all.add(BadRequest.headers("Basic authorization", Map.of("Authorization", "Basic dXNlcjpwYXNz"), 401,
                "unauthorized"));
        all.add(BadRequest.headers("an unknown key", Map.of("Authorization", "Bearer " + TestApi.UNKNOWN_KEY), 401,
                "unauthorized"));
        all.add(BadRequest.headers("the admin token on the public API",
                Map.of("Authorization", "Bearer " + TestApi.ADMIN_TOKEN), 401, "unauthorized"));
        all.add(BadRequest.headers("a key with SQL appended",
                Map.of("Authorization", "Bearer " + TestApi.LIVE_KEY + "' OR '1'='1"), 401, "unauthorized"));
        all.add(BadRequest.headers("Idempotency-Key of 129 characters", Map.of("Idempotency-Key", "k".repeat(129)),
                400, "invalid-idempotency-key"));
        all.add(BadRequest.headers("Idempotency-Key of 130 characters", Map.of("Idempotency-Key", "k".repeat(130)),
                400, "invalid-idempotency-key"));
        all.add(BadRequest.headers("Idempotency-Key of spaces", Map.of("Idempotency-Key", "   "), 400,
                "invalid-idempotency-key"));
        all.add(BadRequest.headers("quoted Idempotency-Key of spaces", Map.of("Idempotency-Key", "\"   \""), 400,
                "invalid-idempotency-key"));
        all.add(BadRequest.headers("Idempotency-Key with a bad quoted escape", Map.of("Idempotency-Key", "\"a\\x\""),
                400, "invalid-idempotency-key"));
        all.add(BadRequest.headers("Idempotency-Key with Latin-1 characters", Map.of("Idempotency-Key", "clé-ü"), 400,
                "invalid-idempotency-key"));
        return all;
    }

    private static String value(String value, String currency) {
        return VALID.substring(0, VALID.length() - 1) + ", \"value\": " + value + ", \"currency\": " + currency + "}";
    }

    private static String manyKeys(int count) {
        return IntStream.range(0, count).mapToObj(i -> "\"k" + i + "\": " + i)
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static Map<String, String> nulls(String header) {
        Map<String, String> map = new HashMap<>();
        map.put(header, null);
        return Collections.unmodifiableMap(map);
    }
}
