package io.adtarget.http.conversion;

import io.adtarget.application.port.in.ConversionCursor;
import io.adtarget.application.port.in.ConversionQuery;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.http.problem.FieldError;
import io.adtarget.http.problem.Problem;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads the list endpoint's query: filters, a received-time range, limit 1–200 (default 50) and the opaque cursor. */
final class ListQueryParser {
    private ListQueryParser() {
    }

    static ConversionQuery parse(MultiMap params, AccountId accountId) {
        List<FieldError> errors = new ArrayList<>();
        ConversionStatus status = read(params, "status", ConversionStatus::fromSlug, errors);
        EventType eventType = read(params, "eventType", EventType::new, errors);
        TelegramUserId userId = read(params, "telegramUserId", ListQueryParser::telegramUserId, errors);
        ChannelId channelId = read(params, "channelId", ChannelId::new, errors);
        Integer limit = read(params, "limit", ListQueryParser::limit, errors);
        ConversionCursor cursor = read(params, "cursor", ConversionCursor::decode, errors);
        Instant from = read(params, "from", text -> time("from", text), errors);
        Instant to = read(params, "to", text -> time("to", text), errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("to", "must be later than from"));
        }
        if (!errors.isEmpty()) {
            throw Problem.validation(errors).toException();
        }
        return new ConversionQuery(accountId, status, eventType, userId, channelId,
                limit == null ? ConversionQuery.DEFAULT_LIMIT : limit, cursor, from, to);
    }

    private static <T> T read(MultiMap params, String name, Function<String, T> parse, List<FieldError> errors) {
        List<String> values = params.getAll(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(new FieldError(name, "must be given at most once"));
            return null;
        }
        try {
            return parse.apply(values.get(0));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "is invalid" : e.getMessage();
            errors.add(new FieldError(name, message.startsWith(name + " ") ? message.substring(name.length() + 1)
                    : message));
            return null;
        }
    }

    /** An RFC 3339 time with its offset ({@code 2026-03-01T12:00:00Z}), truncated to microseconds as stored. */
    private static Instant time(String name, String text) {
        if (text.length() > 40) {
            throw new IllegalArgumentException(name + " must be an RFC 3339 date-time such as 2026-03-01T12:00:00Z");
        }
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an RFC 3339 date-time such as 2026-03-01T12:00:00Z");
        }
    }

    private static TelegramUserId telegramUserId(String text) {
        if (!text.matches("^[0-9]{1,16}$")) {
            throw new IllegalArgumentException("telegramUserId must be an integer between 1 and 9007199254740991");
        }
        return new TelegramUserId(Long.parseLong(text));
    }

    private static Integer limit(String text) {
        if (!text.matches("^[0-9]{1,4}$") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > ConversionQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be an integer between 1 and 200");
        }
        return Integer.parseInt(text);
    }
}
