package io.adtarget.http;

import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.application.port.in.ExecuteIdempotentlyUseCase;
import io.adtarget.application.port.in.IdempotentOutcome;
import io.adtarget.application.port.in.IdempotentRequest;
import io.adtarget.application.port.in.RecordConversionCommand;
import io.adtarget.application.port.in.RecordConversionUseCase;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.adtarget.domain.shared.Sha256;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/**
 * POST /api/v1/events/conversion: validates first (rejections store nothing), then records the
 * conversion, through the idempotency protocol when the request carries an Idempotency-Key.
 */
final class RecordConversionHandler implements Handler<RoutingContext> {
    private final RecordConversionUseCase recordConversion;
    private final ExecuteIdempotentlyUseCase executeIdempotently;
    private final ConversionRequestParser parser;
    private final boolean fingerprintBodies;

    RecordConversionHandler(HttpDependencies deps) {
        this.recordConversion = deps.recordConversion();
        this.executeIdempotently = deps.executeIdempotently();
        this.parser = new ConversionRequestParser(deps.clock());
        this.fingerprintBodies = deps.fingerprintBodies();
    }

    @Override
    public void handle(RoutingContext ctx) {
        ApiPrincipal principal = ctx.get(Keys.PRINCIPAL);
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        IdempotencyKey key = ctx.get(Keys.IDEMPOTENCY_KEY);
        IdempotentRequest request = key == null ? null : new IdempotentRequest(
                new IdempotencyScope(principal.apiKeyId(), key), fingerprintBodies ? Sha256.hex(body) : null);
        RecordConversionCommand command;
        try {
            command = parser.parse(body, principal);
        } catch (ProblemException invalid) {
            refuseUnlessStored(ctx, request, invalid);
            return;
        }
        String requestId = ctx.get(Keys.REQUEST_ID);
        Supplier<Future<StoredResponse>> action = () -> Future.succeededFuture(command)
                .compose(recordConversion::record)
                .map(result -> ConversionResponses.render(result, requestId));
        if (request == null) {
            action.get().onSuccess(stored -> IdempotentResponses.send(ctx, stored)).onFailure(ctx::fail);
            return;
        }
        executeIdempotently.execute(request, action)
                .onSuccess(outcome -> IdempotentResponses.respond(ctx, outcome))
                .onFailure(ctx::fail);
    }

    /**
     * An invalid body is refused (and nothing stored), unless its key already completed: a replay's
     * body is not looked at (semantics §1), so the stored answer wins.
     */
    private void refuseUnlessStored(RoutingContext ctx, IdempotentRequest request, ProblemException invalid) {
        if (request == null) {
            ctx.fail(invalid);
            return;
        }
        executeIdempotently.replayIfCompleted(request)
                .onSuccess(stored -> stored.ifPresentOrElse(outcome -> IdempotentResponses.respond(ctx, outcome), () -> ctx.fail(invalid)))
                .onFailure(ctx::fail);
    }
}
