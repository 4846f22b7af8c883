package io.adtarget.application.port.out;

import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.MetaPixelId;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Pauses of a Meta pixel's deliveries while Meta throttles it, shared by every instance: one
 * throttled answer holds the pixel's other conversions back instead of each retrying on its own.
 */
public interface PixelThrottles {
    /** No pauses at all: every pixel may always be sent to. */
    PixelThrottles NONE = new PixelThrottles() {
        @Override
        public Future<Void> pause(MetaPixelId pixel, Instant until) {
            return Future.succeededFuture();
        }

        @Override
        public Future<Optional<Instant>> pausedUntil(MetaPixelId pixel, Instant now) {
            return Future.succeededFuture(Optional.empty());
        }

        @Override
        public Future<Map<SiteId, Instant>> pausedSites(Instant now) {
            return Future.succeededFuture(Map.of());
        }
    };

    /** Holds the pixel's deliveries until {@code until}; a later pause already stored is kept. */
    Future<Void> pause(MetaPixelId pixel, Instant until);

    /** The end of the pixel's pause when it is still paused at {@code now}. */
    Future<Optional<Instant>> pausedUntil(MetaPixelId pixel, Instant now);

    /** Every site whose pixel is paused at {@code now}, with the end of its pause (the retry worker's hold list). */
    Future<Map<SiteId, Instant>> pausedSites(Instant now);
}
