package io.adtarget.bootstrap.faults;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** One answered (or unanswered) request of a load run, with when it started and how long it took. */
record Outcome(String idempotencyKey, long telegramUserId, long startedNanos, long latencyNanos, int status,
        String contentType, String retryAfter, String replayHeader, Buffer body, Throwable error) {

    boolean acknowledged() {
        return error == null && status >= 200 && status < 300;
    }

    boolean startedWithin(long fromNanos, long toNanos) {
        return startedNanos >= fromNanos && startedNanos < toNanos;
    }

    /** Whether it is the contract's 503: problem+json {@code service-unavailable} with a Retry-After. */
    boolean isServiceUnavailable() {
        if (error != null || status != 503 || retryAfter == null || contentType == null
                || !contentType.startsWith("application/problem+json")) {
            return false;
        }
        JsonObject problem = body.toJsonObject();
        return "service-unavailable".equals(problem.getString("code")) && problem.getInteger("status") == 503;
    }

    String conversionId() {
        return body.toJsonObject().getString("conversionId");
    }

    @Override
    public String toString() {
        return "Outcome[key=" + idempotencyKey + ", status=" + status + ", latencyMs=" + latencyNanos / 1_000_000
                + ", retryAfter=" + retryAfter + ", error=" + error + ", body=" + (body == null ? null : body.toString())
                + "]";
    }
}
