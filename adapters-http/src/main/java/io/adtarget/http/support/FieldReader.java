package io.adtarget.http.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adtarget.http.problem.FieldError;
import io.adtarget.http.problem.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads typed fields of a JSON object and collects every violation, so a client learns all of
 * them at once. Absent and JSON-null fields read as null; a wrong type is an error, never coerced.
 */
public final class FieldReader {
    private final ObjectNode node;
    private final List<FieldError> errors = new ArrayList<>();

    public FieldReader(ObjectNode node) {
        this.node = node;
    }

    public boolean present(String field) {
        return node.has(field);
    }

    public boolean explicitNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    public JsonNode raw(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    public String text(String field, boolean required) {
        JsonNode value = require(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            return fail(field, "must be a string");
        }
        return value.textValue();
    }

    /** A JSON integer (no fraction, no exponent, not a string) that fits a long. */
    public Long integer(String field, boolean required) {
        JsonNode value = require(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            return fail(field, "must be an integer");
        }
        if (!value.canConvertToLong()) {
            return fail(field, "is out of range");
        }
        return value.longValue();
    }

    public BigDecimal number(String field, boolean required) {
        JsonNode value = require(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            return fail(field, "must be a number");
        }
        return value.decimalValue();
    }

    public Boolean bool(String field, boolean required) {
        JsonNode value = require(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            return fail(field, "must be a boolean");
        }
        return value.booleanValue();
    }

    /** Applies a domain constructor; its IllegalArgumentException message becomes the field's error. */
    public <S, T> T convert(String field, S input, Function<S, T> constructor) {
        if (input == null) {
            return null;
        }
        try {
            return constructor.apply(input);
        } catch (IllegalArgumentException e) {
            return fail(field, withoutFieldName(field, e.getMessage()));
        }
    }

    public <T> T fail(String field, String message) {
        errors.add(new FieldError(field, message));
        return null;
    }

    /** Throws the collected violations as one 400 validation-failed problem. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw Problem.validation(errors).toException();
        }
    }

    private JsonNode require(String field, boolean required) {
        JsonNode value = raw(field);
        if (value == null && required) {
            fail(field, "is required");
        }
        return value;
    }

    private static String withoutFieldName(String field, String message) {
        if (message == null) {
            return "is invalid";
        }
        return message.startsWith(field + " ") ? message.substring(field.length() + 1) : message;
    }
}
