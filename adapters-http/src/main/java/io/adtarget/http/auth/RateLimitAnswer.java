package io.adtarget.http.auth;

import io.adtarget.domain.account.RateLimitDecision;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * How every rate-limited route answers a limiter's decision: {@code RateLimit-Limit/Remaining/Reset} on
 * the answer (the 429 too), a refusal as {@code 429 rate-limited} with {@code Retry-After}, and a
 * limiter that fails (or has no limit) lets the request through: a limit never fails one.
 */
public final class RateLimitAnswer {
    private RateLimitAnswer() {
    }

    /** Continues or refuses {@code ctx} once {@code decided} completes; {@code refusal} words the 429's detail. */
    public static void apply(RoutingContext ctx, Future<RateLimitDecision> decided,
            Function<RateLimitDecision, String> refusal) {
        decided.onComplete(result -> {
            if (result.failed() || result.result().limit() == 0) {
                ctx.next();
                return;
            }
            RateLimitDecision decision = result.result();
            String limit = Integer.toString(decision.limit());
            String remaining = Long.toString(decision.remaining());
            String reset = Long.toString(decision.resetSeconds());
            if (decision.allowed()) {
                ctx.response().putHeader("RateLimit-Limit", limit).putHeader("RateLimit-Remaining", remaining)
                        .putHeader("RateLimit-Reset", reset);
                ctx.next();
            } else {
                // A failure answer is written afresh, so the headers travel with the problem.
                ctx.fail(Problem.of(ProblemType.RATE_LIMITED, refusal.apply(decision))
                        .withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()))
                        .withHeader("RateLimit-Limit", limit)
                        .withHeader("RateLimit-Remaining", remaining)
                        .withHeader("RateLimit-Reset", reset)
                        .toException());
            }
        });
    }
}
