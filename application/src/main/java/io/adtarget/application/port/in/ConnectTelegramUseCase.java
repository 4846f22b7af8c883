package io.adtarget.application.port.in;

import io.adtarget.domain.attribution.InviteMode;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.telegram.BotToken;
import io.vertx.core.Future;

/** Admin API: connect a site's bot (getMe, setWebhook) or disconnect it (deleteWebhook). */
public interface ConnectTelegramUseCase {
    Future<TelegramConnectionResult> connect(SiteId siteId, BotToken token, InviteMode mode);

    /** False when the site has no connection. */
    Future<Boolean> disconnect(SiteId siteId);
}
