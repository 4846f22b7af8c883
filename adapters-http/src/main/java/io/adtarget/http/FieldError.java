package io.adtarget.http;

/** One rule violation of a request: the field (dotted path or query parameter) and what is wrong. */
record FieldError(String field, String message) {
}
