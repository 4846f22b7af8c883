package io.adtarget.http.support;

import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Parses the optional Idempotency-Key header (semantics §1) before anything executes; invalid: 400. */
public final class IdempotencyKeyHeader implements Handler<RoutingContext> {
    static final String HEADER = "Idempotency-Key";

    @Override
    public void handle(RoutingContext ctx) {
        List<String> values = ctx.request().headers().getAll(HEADER);
        if (values.isEmpty()) {
            ctx.next();
            return;
        }
        if (values.size() > 1) {
            ctx.fail(invalid("Idempotency-Key must be sent once").toException());
            return;
        }
        try {
            ctx.put(Keys.IDEMPOTENCY_KEY, IdempotencyKey.fromHeader(values.get(0)));
        } catch (IllegalArgumentException e) {
            ctx.fail(invalid(e.getMessage()).toException());
            return;
        }
        ctx.next();
    }

    private static Problem invalid(String detail) {
        return Problem.of(ProblemType.INVALID_IDEMPOTENCY_KEY, detail);
    }
}
