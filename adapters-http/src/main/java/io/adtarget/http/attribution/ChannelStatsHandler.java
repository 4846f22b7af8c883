package io.adtarget.http.attribution;

import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.application.port.in.ChannelStatsUseCase;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.http.problem.FieldError;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.adtarget.http.support.Keys;
import io.adtarget.http.support.Responses;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/channels/{channelId}/stats?from&to} (API key): both RFC 3339; {@code to} defaults to now and
 * {@code from} to 30 days before {@code to}. A channel of another account is 404 like an unknown one.
 */
public final class ChannelStatsHandler {
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    private final ChannelStatsUseCase stats;
    private final Clock clock;

    public ChannelStatsHandler(ChannelStatsUseCase stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    public void handle(RoutingContext ctx) {
        ApiPrincipal principal = ctx.get(Keys.PRINCIPAL);
        ChannelId channelId;
        try {
            channelId = new ChannelId(ctx.pathParam("channelId"));
        } catch (IllegalArgumentException e) {
            ctx.fail(Problem.of(ProblemType.CHANNEL_NOT_FOUND, "no channel with this id").toException());
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        Instant to = time(ctx, "to", errors);
        Instant from = time(ctx, "from", errors);
        to = to == null ? clock.instant() : to;
        from = from == null ? to.minus(DEFAULT_RANGE) : from;
        if (errors.isEmpty() && !from.isBefore(to)) {
            errors.add(new FieldError("from", "must be before to"));
        }
        if (!errors.isEmpty()) {
            ctx.fail(Problem.validation(errors).toException());
            return;
        }
        Instant start = from;
        Instant end = to;
        stats.stats(principal, channelId, start, end).onSuccess(found -> found.ifPresentOrElse(
                s -> Responses.json(ctx, 200, AttributionJson.stats(s)),
                () -> ctx.fail(Problem.of(ProblemType.CHANNEL_NOT_FOUND, "no channel with this id in your account")
                        .toException()))).onFailure(ctx::fail);
    }

    private static Instant time(RoutingContext ctx, String name, List<FieldError> errors) {
        List<String> values = ctx.queryParam(name);
        if (values.isEmpty()) {
            return null;
        }
        try {
            if (values.size() > 1) {
                throw new DateTimeParseException("repeated", values.get(0), 0);
            }
            return OffsetDateTime.parse(values.get(0)).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be one RFC 3339 date-time such as 2026-12-01T00:00:00Z"));
            return null;
        }
    }
}
