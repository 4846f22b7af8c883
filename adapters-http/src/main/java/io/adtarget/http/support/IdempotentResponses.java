package io.adtarget.http.support;

import io.adtarget.application.port.in.IdempotentOutcome;
import io.adtarget.domain.idempotency.StoredResponse;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.vertx.ext.web.RoutingContext;

/** Writes the outcome of the idempotency protocol: the response, a replay with its headers, 409 or 422. */
public final class IdempotentResponses {
    private IdempotentResponses() {
    }

    public static void respond(RoutingContext ctx, IdempotentOutcome outcome) {
        if (outcome instanceof IdempotentOutcome.Executed executed) {
            send(ctx, executed.response());
        } else if (outcome instanceof IdempotentOutcome.Replayed replayed) {
            ctx.response().putHeader("X-Idempotent-Replay", "true").putHeader("Idempotent-Replayed", "true");
            if (replayed.bodyMismatch()) {
                ctx.response().putHeader("X-Idempotency-Body-Mismatch", "true");
            }
            send(ctx, replayed.response());
        } else if (outcome instanceof IdempotentOutcome.InUse inUse) {
            long seconds = inUse.retryAfter() == null ? 1 : Math.max(1, (inUse.retryAfter().toMillis() + 999) / 1000);
            ctx.fail(Problem.of(ProblemType.IDEMPOTENCY_KEY_IN_USE,
                    "a request with this Idempotency-Key is still executing; retry later")
                    .withHeader("Retry-After", Long.toString(seconds)).toException());
        } else {
            ctx.fail(Problem.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used with a different request body").toException());
        }
    }

    public static void send(RoutingContext ctx, StoredResponse stored) {
        Responses.bytes(ctx, stored.status(), stored.contentType(), stored.body());
    }
}
