package io.adtarget.http.conversion;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.shared.Money;
import io.adtarget.http.support.Json;
import java.math.BigDecimal;

/** The Conversion resource of api.md, fields in the documented order. */
final class ConversionJson {
    private ConversionJson() {
    }

    static ObjectNode render(ConversionEvent c, boolean deduplicated) {
        ObjectNode out = Json.object()
                .put("conversionId", c.id().toString())
                .put("eventId", c.eventId())
                .put("siteId", c.siteId().toString())
                .put("telegramUserId", c.telegramUserId().value())
                .put("channelId", c.channelId().value())
                .put("eventType", c.eventType().value());
        Money money = c.details().value();
        if (money == null) {
            out.putNull("value").putNull("currency");
        } else {
            out.put("value", asNumber(money.amount())).put("currency", money.currency().getCurrencyCode());
        }
        out.put("eventTime", c.details().eventTime().getEpochSecond())
                .put("status", c.status().slug())
                .put("deduplicated", deduplicated)
                .put("attempts", c.attempts())
                .put("createdAt", Json.time(c.createdAt()))
                .put("updatedAt", Json.time(c.updatedAt()))
                .put("sentAt", Json.time(c.sentAt()));
        if (c.status() == ConversionStatus.FAILED && c.lastError() != null) {
            out.set("lastError", lastError(c.lastError()));
        } else {
            out.putNull("lastError");
        }
        if (c.status() == ConversionStatus.SKIPPED && c.skipReason() != null) {
            out.put("skipReason", c.skipReason().slug());
        } else {
            out.putNull("skipReason");
        }
        out.put("actionSource", c.details().matchData().actionSource().wire());
        // which Meta keys the client's user data filled, never their values (docs/match-quality.md)
        ArrayNode fields = out.putArray("userDataFields");
        c.details().matchData().userData().metaKeys().forEach(fields::add);
        out.put("source", c.origin().source());
        out.put("visitId", c.origin().visitId() == null ? null : c.origin().visitId().toString());
        return out;
    }

    private static ObjectNode lastError(DeliveryError error) {
        ObjectNode out = Json.object()
                .put("code", error.code().slug())
                .put("message", error.message())
                .put("retryable", error.retryable());
        if (error.metaCode() != null) {
            out.put("metaCode", error.metaCode());
        }
        if (error.fbtraceId() != null) {
            out.put("fbtraceId", error.fbtraceId());
        }
        return out;
    }

    /** Always with a decimal point ({@code 49.0}, as api.md shows), never in exponent form. */
    private static BigDecimal asNumber(BigDecimal amount) {
        return amount.scale() < 1 ? amount.setScale(1) : amount;
    }
}
