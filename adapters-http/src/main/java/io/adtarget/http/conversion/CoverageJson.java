package io.adtarget.http.conversion;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.userdata.MatchCoverage;
import io.adtarget.domain.userdata.MatchSignal;
import io.adtarget.domain.userdata.UserData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list response's {@code coverage}: per site of the page's conversions, how many there are and the
 * share carrying each match signal (docs/match-quality.md). Computed from the page itself, so it costs no query.
 */
final class CoverageJson {
    private CoverageJson() {
    }

    static ArrayNode perSite(List<ConversionEvent> items) {
        Map<SiteId, List<UserData>> bySite = new LinkedHashMap<>();
        items.forEach(c -> bySite.computeIfAbsent(c.siteId(), site -> new ArrayList<>())
                .add(c.details().matchData().userData()));
        ArrayNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        bySite.forEach((site, data) -> {
            MatchCoverage coverage = MatchCoverage.of(data);
            out.addObject()
                    .put("siteId", site.toString())
                    .put("conversions", coverage.conversions())
                    .put("fbc", coverage.share(MatchSignal.FBC))
                    .put("fbp", coverage.share(MatchSignal.FBP))
                    .put("ipAndUserAgent", coverage.share(MatchSignal.IP_AND_USER_AGENT))
                    .put("emailOrPhone", coverage.share(MatchSignal.EMAIL_OR_PHONE));
        });
        return out;
    }
}
