package io.adtarget.http.ops;

/**
 * A finished request as the observer sees it. {@code route} is the template
 * ({@code /api/v1/events/conversion/:conversionId}) or {@value #UNMATCHED} for unknown paths;
 * {@code apiKeyId} is the authenticated key's id (never the key) or null.
 */
public record ObservedRequest(String method, String route, int status, long latencyNanos, String requestId,
        String apiKeyId) {

    public static final String UNMATCHED = "unmatched";
}
