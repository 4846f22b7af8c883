package io.adtarget.http.conversion;

import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.application.port.in.ExecuteIdempotentlyUseCase;
import io.adtarget.application.port.in.IdempotentOutcome;
import io.adtarget.application.port.in.IdempotentRequest;
import io.adtarget.application.port.in.RecordConversionCommand;
import io.adtarget.application.port.in.InlineResponse;
import io.adtarget.application.port.in.RecordConversionResult;
import io.adtarget.application.port.in.RecordConversionUseCase;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.adtarget.domain.shared.Sha256;
import io.adtarget.http.HttpDependencies;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemException;
import io.adtarget.http.problem.ProblemType;
import io.adtarget.http.support.IdempotentResponses;
import io.adtarget.http.support.Keys;
import io.adtarget.http.support.Responses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Function;

/**
 * POST /api/v1/events/conversion: validates first (rejections store nothing), then records the
 * conversion, through the idempotency protocol when the request carries an Idempotency-Key.
 */
public final class RecordConversionHandler implements Handler<RoutingContext> {
    private final RecordConversionUseCase recordConversion;
    private final ExecuteIdempotentlyUseCase executeIdempotently;
    private final ConversionRequestParser parser;
    private final boolean fingerprintBodies;

    public RecordConversionHandler(HttpDependencies deps) {
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
        MatchDataReader.ForwardedHeaders forwarded = new MatchDataReader.ForwardedHeaders(
                ctx.request().getHeader(MatchDataReader.CLIENT_IP_HEADER),
                ctx.request().getHeader(MatchDataReader.CLIENT_USER_AGENT_HEADER));
        IdempotentRequest request = key == null ? null : new IdempotentRequest(
                new IdempotencyScope(principal.apiKeyId(), key), fingerprintBodies ? fingerprint(body, forwarded) : null);
        if (request != null) {
            // A replay's body is not looked at (semantics §1): a completed key known in memory answers before
            // the body is parsed, validated and its user data hashed.
            Optional<IdempotentOutcome> remembered = executeIdempotently.replayFromMemory(request);
            if (remembered.isPresent()) {
                IdempotentResponses.respond(ctx, remembered.get());
                return;
            }
        }
        RecordConversionCommand command;
        try {
            command = parser.parse(body, principal, forwarded);
        } catch (ProblemException invalid) {
            refuseUnlessStored(ctx, request, invalid);
            return;
        }
        String requestId = ctx.get(Keys.REQUEST_ID);
        Function<RecordConversionResult, StoredResponse> render = result -> ConversionResponses.render(result, requestId);
        if (request == null) {
            Future.succeededFuture(command).compose(recordConversion::record).map(render)
                    .onSuccess(stored -> IdempotentResponses.send(ctx, stored)).onFailure(ctx::fail);
            return;
        }
        // The owned record goes down with the command: a new conversion's delivery stores its response in the
        // same transaction as its outcome, and that stored response is the answer.
        executeIdempotently.executeOwned(request, owned -> Future.succeededFuture(new InlineResponse(owned, render))
                        .compose(inline -> recordConversion.record(command, inline))
                        .map(result -> owned.completedResponse().orElseGet(() -> render.apply(result))))
                .onSuccess(outcome -> IdempotentResponses.respond(ctx, outcome))
                .onFailure(ctx::fail);
    }

    /**
     * The SHA-256 of the body, and of the forwarded browser headers when there are any: they are user data
     * of the request as much as the body's {@code userData} (without them the fingerprint is the body's alone).
     */
    static String fingerprint(byte[] body, MatchDataReader.ForwardedHeaders forwarded) {
        if (forwarded.clientIp() == null && forwarded.clientUserAgent() == null) {
            return Sha256.hex(body);
        }
        String headers = "\n" + MatchDataReader.CLIENT_IP_HEADER + ": " + forwarded.clientIp() + "\n"
                + MatchDataReader.CLIENT_USER_AGENT_HEADER + ": " + forwarded.clientUserAgent();
        byte[] suffix = headers.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(body, body.length + suffix.length);
        System.arraycopy(suffix, 0, all, body.length, suffix.length);
        return Sha256.hex(all);
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
