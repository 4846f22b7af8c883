package io.adtarget.http.problem;

/** One rule violation of a request: the field (dotted path or query parameter) and what is wrong. */
public record FieldError(String field, String message) {
}
