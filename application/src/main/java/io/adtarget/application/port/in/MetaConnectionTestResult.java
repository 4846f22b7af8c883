package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.DeliveryError;

/** What a Meta connection test found; each maps to one HTTP answer. */
public sealed interface MetaConnectionTestResult {
    /** 404. */
    record SiteNotFound() implements MetaConnectionTestResult {
    }

    /** The site has no pixel id or no access token: nothing to test (409). */
    record MetaNotConfigured() implements MetaConnectionTestResult {
    }

    /**
     * The gateway's answer (200 either way). {@code dryRun}: the service runs {@code META_MODE=dry-run},
     * so no call left it and the answer is synthetic. {@code error} is null when Meta took the event.
     */
    record Answered(boolean dryRun, String eventName, String eventId, Integer httpStatus, Integer eventsReceived,
            String fbtraceId, DeliveryError error, Integer metaSubcode) implements MetaConnectionTestResult {
        public boolean accepted() {
            return error == null;
        }
    }
}
