package io.adtarget.meta;

import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/** Turns Meta's HTTP answer into an outcome, following meta-capi.md's "Error classification" table. */
final class MetaResponses {
    /** Meta's answer to one event is well under 1 KB; a body past this cap is not read to its end. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2);
    private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 341, 368, 613);

    private MetaResponses() {
    }

    /**
     * HTTP status rows come first (5xx, 429), then the body: a 2xx needs {@code events_received >= 1};
     * an error needs Meta's {@code {"error": {"code": …}}} shape, else it is not Meta talking.
     */
    static DeliveryOutcome classify(int status, String untrustedTraceHeader, Buffer body, String token) {
        String traceHeader = SafeText.traceId(untrustedTraceHeader);
        JsonObject json = parse(body);
        if (status >= 200 && status < 300) {
            return success(status, json, traceHeader);
        }
        MetaError error = MetaError.from(json);
        String trace = error != null && error.fbtraceId() != null ? error.fbtraceId() : traceHeader;
        Integer code = error == null ? null : error.code();
        Integer subcode = error == null ? null : error.subcode();
        if (status >= 500) {
            return failed(DeliveryErrorCode.META_UNAVAILABLE, describe(status, error, token), code, trace, status,
                    subcode);
        }
        if (status == 429) {
            return failed(DeliveryErrorCode.META_RATE_LIMITED, describe(status, error, token), code, trace, status,
                    subcode);
        }
        if (error == null) {
            return failed(DeliveryErrorCode.META_UNAVAILABLE,
                    "Meta answered HTTP " + status + " with a body that is not Meta's JSON", null, trace, status, null);
        }
        return failed(classify(error), describe(status, error, token), code, trace, status, subcode);
    }

    private static DeliveryErrorCode classify(MetaError error) {
        int code = error.code();
        if (error.isTransient() || TRANSIENT_CODES.contains(code)) {
            return DeliveryErrorCode.META_UNAVAILABLE;
        }
        if (RATE_LIMIT_CODES.contains(code) || (code >= 80000 && code <= 80014)) {
            return DeliveryErrorCode.META_RATE_LIMITED;
        }
        if (code == 190 || code == 10 || (code >= 200 && code <= 299)) {
            return DeliveryErrorCode.META_AUTH;
        }
        return DeliveryErrorCode.META_REJECTED;
    }

    private static DeliveryOutcome success(int status, JsonObject json, String traceHeader) {
        if (json == null) {
            return failed(DeliveryErrorCode.META_UNAVAILABLE,
                    "Meta answered HTTP " + status + " with a body that is not Meta's JSON", null, traceHeader, status,
                    null);
        }
        String sent = json.getValue("fbtrace_id") instanceof String s ? SafeText.traceId(s) : null;
        String trace = sent != null ? sent : traceHeader;
        Object received = json.getValue("events_received");
        if (received instanceof Number n && n.doubleValue() >= 1) {
            return new DeliveryOutcome.Accepted(trace, status, n.intValue());
        }
        return failed(DeliveryErrorCode.META_UNAVAILABLE,
                "Meta answered HTTP " + status + " without events_received >= 1", null, trace, status, null);
    }

    private static String describe(int status, MetaError error, String token) {
        if (error == null) {
            return "Meta answered HTTP " + status;
        }
        StringBuilder text = new StringBuilder("Meta answered HTTP ").append(status)
                .append(", code ").append(error.code());
        if (error.subcode() != null) {
            text.append(", subcode ").append(error.subcode());
        }
        if (error.message() != null && !error.message().isBlank()) {
            text.append(": ").append(error.message());
        }
        return SafeText.scrub(text.toString(), token);
    }

    private static DeliveryOutcome failed(DeliveryErrorCode code, String message, Integer metaCode, String trace,
            int status, Integer subcode) {
        return new DeliveryOutcome.Failed(DeliveryError.of(code, message, metaCode, trace), null, status, subcode);
    }

    private static JsonObject parse(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            return new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }
}
