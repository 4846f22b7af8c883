package io.adtarget.domain.idempotency;

import io.adtarget.domain.conversion.ConversionId;
import java.util.Arrays;
import java.util.Objects;

/** A response as it left the server: status, content type, exact body bytes; and its conversion, if any. */
public record StoredResponse(int status, String contentType, byte[] body, ConversionId conversionId) {
    public StoredResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status");
        }
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredResponse that
                && status == that.status
                && contentType.equals(that.contentType)
                && Arrays.equals(body, that.body)
                && Objects.equals(conversionId, that.conversionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(body), conversionId);
    }

    @Override
    public String toString() {
        return "StoredResponse[status=" + status + ", contentType=" + contentType + ", bytes=" + body.length
                + ", conversionId=" + conversionId + "]";
    }
}
