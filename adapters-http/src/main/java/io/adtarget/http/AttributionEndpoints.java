package io.adtarget.http;

import io.adtarget.application.port.in.AuthenticatePublishableKeyUseCase;
import io.adtarget.application.port.in.CaptureVisitUseCase;
import io.adtarget.application.port.in.ChannelStatsUseCase;
import io.adtarget.application.port.in.ConnectTelegramUseCase;
import io.adtarget.application.port.in.HandleTelegramUpdateUseCase;
import io.adtarget.application.port.in.LimitVisitRateUseCase;
import io.adtarget.application.port.in.ManagePublishableKeysUseCase;
import io.adtarget.http.attribution.TrustedProxies;
import java.util.Objects;

/** What the Telegram attribution endpoints (attribution.md) need from the composition root. */
public record AttributionEndpoints(
        ManagePublishableKeysUseCase managePublishableKeys,
        AuthenticatePublishableKeyUseCase authenticatePublishableKey,
        ConnectTelegramUseCase connectTelegram,
        CaptureVisitUseCase captureVisit,
        HandleTelegramUpdateUseCase handleTelegramUpdate,
        ChannelStatsUseCase channelStats,
        LimitVisitRateUseCase limitVisitRate,
        TrustedProxies trustedProxies) {
    public AttributionEndpoints {
        Objects.requireNonNull(managePublishableKeys, "managePublishableKeys");
        Objects.requireNonNull(authenticatePublishableKey, "authenticatePublishableKey");
        Objects.requireNonNull(connectTelegram, "connectTelegram");
        Objects.requireNonNull(captureVisit, "captureVisit");
        Objects.requireNonNull(handleTelegramUpdate, "handleTelegramUpdate");
        Objects.requireNonNull(channelStats, "channelStats");
        Objects.requireNonNull(limitVisitRate, "limitVisitRate");
        trustedProxies = trustedProxies == null ? TrustedProxies.NONE : trustedProxies;
    }
}
