package io.adtarget.application.port.in;

import io.adtarget.domain.attribution.TelegramUpdate;
import io.adtarget.domain.shared.SiteId;
import io.vertx.core.Future;

/** {@code POST /webhooks/telegram/{siteId}}: checks the secret, then processes the update once per update_id. */
public interface HandleTelegramUpdateUseCase {

    /** What the webhook answers: 401 for UNAUTHORIZED, 503 for RETRY_LATER (Telegram re-sends), else 200. */
    enum Outcome { UNAUTHORIZED, RECORDED, DUPLICATE, IGNORED, RETRY_LATER }

    Future<Outcome> handle(SiteId siteId, String presentedSecret, TelegramUpdate update);
}
