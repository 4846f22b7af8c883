package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.ChannelId;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** {@code GET /api/v1/channels/{channelId}/stats}: empty when the account has no such channel. */
public interface ChannelStatsUseCase {
    Future<Optional<ChannelStats>> stats(ApiPrincipal principal, ChannelId channelId, Instant from, Instant to);
}
