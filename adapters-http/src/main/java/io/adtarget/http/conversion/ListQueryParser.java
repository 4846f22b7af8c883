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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads the list endpoint's query: filters, limit 1–200 (default 50) and the opaque cursor. */
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
        if (!errors.isEmpty()) {
            throw Problem.validation(errors).toException();
        }
        return new ConversionQuery(accountId, status, eventType, userId, channelId,
                limit == null ? ConversionQuery.DEFAULT_LIMIT : limit, cursor);
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
