package io.adtarget.http.attribution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adtarget.application.port.in.ChannelStats;
import io.adtarget.domain.attribution.Visit;
import io.adtarget.http.support.Json;

/** The JSON of the visit and stats resources (attribution.md). */
final class AttributionJson {
    private AttributionJson() {
    }

    static ObjectNode captured(Visit v) {
        return Json.object().put("visitId", v.id().toString()).put("inviteLink", v.inviteLink())
                .put("expiresAt", Json.time(v.expiresAt()));
    }

    /** The visit as its browser may read it back: never the IP or user agent. */
    static ObjectNode visit(Visit v) {
        ObjectNode out = captured(v).put("channelId", v.channelId().value())
                .put("fbc", v.fbc() == null ? null : v.fbc().value())
                .put("fbp", v.fbp() == null ? null : v.fbp().value())
                .put("landingUrl", v.landingUrl()).put("referrer", v.referrer());
        ObjectNode utm = out.putObject("utm");
        v.utm().forEach(utm::put);
        return out.put("createdAt", Json.time(v.createdAt()));
    }

    static ObjectNode stats(ChannelStats s) {
        ObjectNode out = Json.object().put("channelId", s.channelId()).put("from", Json.time(s.from()))
                .put("to", Json.time(s.to())).put("visits", s.visits());
        out.putObject("joins").put("attributed", s.attributedJoins()).put("organic", s.organicJoins());
        out.put("leaves", s.leaves());
        ObjectNode conversions = out.putObject("conversions");
        s.conversions().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(type -> {
            ObjectNode counts = conversions.putObject(type.getKey());
            for (String status : new String[] {"sent", "failed", "skipped", "pending"}) {
                counts.put(status, type.getValue().getOrDefault(status, 0L));
            }
        });
        return out;
    }
}
