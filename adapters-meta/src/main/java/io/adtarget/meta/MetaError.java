package io.adtarget.meta;

import io.vertx.core.json.JsonObject;

/** The {@code error} object of a Graph API error response; only built when it carries an integer code. */
record MetaError(int code, Integer subcode, String message, boolean isTransient, String fbtraceId) {

    /** Meta's error, or {@code null} when the body is not shaped like one. */
    static MetaError from(JsonObject body) {
        if (body == null || !(body.getValue("error") instanceof JsonObject error)
                || !(error.getValue("code") instanceof Number code)) {
            return null;
        }
        Integer subcode = error.getValue("error_subcode") instanceof Number n ? n.intValue() : null;
        String message = error.getValue("message") instanceof String s ? s : null;
        boolean isTransient = Boolean.TRUE.equals(error.getValue("is_transient"));
        String trace = error.getValue("fbtrace_id") instanceof String s ? SafeText.traceId(s) : null;
        return new MetaError(code.intValue(), subcode, message, isTransient, trace);
    }
}
