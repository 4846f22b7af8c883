package io.adtarget.http.conversion;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adtarget.domain.conversion.DeliveryAttempt;
import io.adtarget.http.support.Json;
import java.util.List;

/** The DeliveryAttempts resource: a conversion's calls to Meta, oldest first. */
final class AttemptJson {
    private AttemptJson() {
    }

    static ObjectNode render(String conversionId, List<DeliveryAttempt> attempts) {
        ObjectNode out = Json.object().put("conversionId", conversionId);
        ArrayNode items = out.putArray("items");
        for (DeliveryAttempt attempt : attempts) {
            ObjectNode item = items.addObject()
                    .put("attempt", attempt.attemptNumber())
                    .put("attemptedAt", Json.time(attempt.attemptedAt()))
                    .put("outcome", attempt.outcome());
            putOrNull(item, "httpStatus", attempt.httpStatus());
            putOrNull(item, "metaCode", attempt.metaCode());
            putOrNull(item, "metaSubcode", attempt.metaSubcode());
            item.put("fbtraceId", attempt.fbtraceId());
            item.put("latencyMs", attempt.latencyMs());
        }
        return out;
    }

    private static void putOrNull(ObjectNode node, String name, Integer value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }
}
