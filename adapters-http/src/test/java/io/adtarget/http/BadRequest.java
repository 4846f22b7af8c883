package io.adtarget.http;

import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One entry of the bad-input corpus: a request and the problem it must get. */
record BadRequest(String name, HttpMethod method, String uri, Map<String, String> headers, byte[] body, int status,
        String code, String field) {

    static final String CONVERSIONS = "/api/v1/events/conversion";

    /** A POST of {@code json} with a valid key and content type, expected to fail on {@code field}. */
    static BadRequest body(String name, String json, String field) {
        return new BadRequest(name, HttpMethod.POST, CONVERSIONS, defaultHeaders(),
                json.getBytes(StandardCharsets.UTF_8), 400, "validation-failed", field);
    }

    static BadRequest query(String name, String query, String field) {
        return new BadRequest(name, HttpMethod.GET, CONVERSIONS + "?" + query, defaultHeaders(), null, 400,
                "validation-failed", field);
    }

    static BadRequest headers(String name, Map<String, String> overrides, int status, String code) {
        Map<String, String> headers = defaultHeaders();
        headers.putAll(overrides);
        headers.values().removeIf(v -> v == null);
        return new BadRequest(name, HttpMethod.POST, CONVERSIONS, headers,
                Corpus.VALID.getBytes(StandardCharsets.UTF_8), status, code, null);
    }

    BadRequest withBody(byte[] newBody, int newStatus, String newCode) {
        return new BadRequest(name, method, uri, headers, newBody, newStatus, newCode, null);
    }

    private static Map<String, String> defaultHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + TestApi.LIVE_KEY);
        headers.put("Content-Type", "application/json");
        return headers;
    }

    @Override
    public String toString() {
        return name;
    }
}
