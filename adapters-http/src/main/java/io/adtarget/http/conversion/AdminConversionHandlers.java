package io.adtarget.http.conversion;

import io.adtarget.application.port.in.ConversionQuery;
import io.adtarget.application.port.in.FindConversionUseCase;
import io.adtarget.application.port.in.ListConversionsUseCase;
import io.adtarget.application.port.in.ListDeliveryAttemptsUseCase;
import io.adtarget.application.port.in.RetryConversionUseCase;
import io.adtarget.application.port.in.RetryConversionUseCase.RetryResult;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.idempotency.StoredResponse;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.Uuids;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.adtarget.http.support.Json;
import io.adtarget.http.support.Responses;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Supplier;

/** Admin API over conversions, for operators and the console: any account's list, one conversion, its attempts, Retry now. */
public final class AdminConversionHandlers {
    private final FindConversionUseCase find;
    private final ListConversionsUseCase list;
    private final ListDeliveryAttemptsUseCase attempts;
    private final RetryConversionUseCase retry;

    public AdminConversionHandlers(FindConversionUseCase find, ListConversionsUseCase list,
            ListDeliveryAttemptsUseCase attempts, RetryConversionUseCase retry) {
        this.find = find;
        this.list = list;
        this.attempts = attempts;
        this.retry = retry;
    }

    /** {@code GET /admin/v1/conversions?accountId=…}: the public list's filters and paging over one account. */
    public void list(RoutingContext ctx) {
        List<String> given = ctx.queryParams().getAll("accountId");
        if (given.size() != 1 || !Uuids.isCanonical(given.get(0))) {
            throw Problem.validation("accountId", given.isEmpty() ? "is required" : "must be one account id (a UUID)")
                    .toException();
        }
        ConversionQuery query = ListQueryParser.parse(ctx.queryParams(), AccountId.parse(given.get(0)));
        list.list(query).onSuccess(page -> Responses.json(ctx, 200, ReadConversionHandlers.page(page)))
                .onFailure(ctx::fail);
    }

    public void get(RoutingContext ctx) {
        ConversionId id = conversionId(ctx);
        find.find(id).onSuccess(found -> found.ifPresentOrElse(
                        conversion -> Responses.json(ctx, 200, ConversionJson.render(conversion, false)),
                        () -> ctx.fail(ReadConversionHandlers.notFound().toException())))
                .onFailure(ctx::fail);
    }

    public void attempts(RoutingContext ctx) {
        ConversionId id = conversionId(ctx);
        attempts.attemptsOfAny(id).onSuccess(found -> found.ifPresentOrElse(
                        list -> Responses.json(ctx, 200, AttemptJson.render(id.toString(), list)),
                        () -> ctx.fail(ReadConversionHandlers.notFound().toException())))
                .onFailure(ctx::fail);
    }

    /**
     * {@code POST /admin/v1/conversions/{id}/retry}: 200 with the conversion after the attempt, 202 when a
     * delivery of it is under way already (nothing done), 409 when it is sent, skipped or too old.
     */
    public Supplier<Future<StoredResponse>> retry(RoutingContext ctx) {
        ConversionId id = conversionId(ctx);
        String requestId = Responses.requestId(ctx);
        return () -> retry.retryNow(id).map(result -> answer(result, requestId));
    }

    private static StoredResponse answer(RetryResult result, String requestId) {
        if (result instanceof RetryResult.Retried retried) {
            return json(200, retried.conversion());
        }
        if (result instanceof RetryResult.AlreadyQueued queued) {
            return json(202, queued.conversion());
        }
        Problem problem = result instanceof RetryResult.NotRetryable refused
                ? Problem.of(ProblemType.CONFLICT, "not retried: " + refused.reason())
                : ReadConversionHandlers.notFound();
        return new StoredResponse(problem.type().status(), Responses.PROBLEM_CONTENT_TYPE,
                Responses.problemBody(problem, requestId), null);
    }

    private static StoredResponse json(int status, io.adtarget.domain.conversion.ConversionEvent conversion) {
        return new StoredResponse(status, Json.CONTENT_TYPE, Json.bytes(ConversionJson.render(conversion, false)), null);
    }

    private static ConversionId conversionId(RoutingContext ctx) {
        String id = ctx.pathParam("conversionId");
        if (!Uuids.isCanonical(id)) {
            throw ReadConversionHandlers.notFound().toException();
        }
        return ConversionId.parse(id);
    }
}
