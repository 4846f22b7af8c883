package io.adtarget.application.service;

import io.adtarget.application.port.in.RecordConversionCommand;
import io.adtarget.application.port.out.VisitRepository;
import io.adtarget.domain.attribution.Visit;
import io.adtarget.domain.userdata.MatchData;
import io.adtarget.domain.userdata.UserData;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;

/**
 * Attribution's enrichment (attribution.md §Enrichment): an API conversion of a Telegram user whose join was
 * attributed to a visit within {@code window} takes the visit's fbc, fbp, IP and user agent where the request
 * gave none. Explicit request values win. One look-up, only when a browser signal is missing.
 */
public final class VisitEnrichment {
    /** No enrichment (services without attribution, tests). */
    public static final VisitEnrichment NONE = new VisitEnrichment(null, Duration.ZERO);

    private final VisitRepository visits;
    private final Duration window;

    public VisitEnrichment(VisitRepository visits, Duration window) {
        this.visits = visits;
        this.window = window;
    }

    public Future<RecordConversionCommand> enrich(RecordConversionCommand command, Instant now) {
        UserData given = command.matchData().userData();
        boolean complete = given.fbc() != null && given.fbp() != null && given.clientIpAddress() != null
                && given.clientUserAgent() != null;
        if (visits == null || complete || command.origin().visitId() != null) {
            return Future.succeededFuture(command);
        }
        return visits.latestAttributed(command.principal().accountId(), command.telegramUserId(), now.minus(window))
                .map(found -> found.map(visit -> command.withMatchData(merged(command.matchData(), visit)))
                        .orElse(command));
    }

    private static MatchData merged(MatchData matchData, Visit visit) {
        UserData given = matchData.userData();
        UserData user = new UserData(given.hashes(),
                given.clientIpAddress() != null ? given.clientIpAddress() : visit.clientIp(),
                given.clientUserAgent() != null ? given.clientUserAgent() : visit.userAgent(),
                given.fbc() != null ? given.fbc() : visit.fbc(),
                given.fbp() != null ? given.fbp() : visit.fbp());
        return new MatchData(user, matchData.actionSource(), matchData.dataProcessingOptions());
    }
}
