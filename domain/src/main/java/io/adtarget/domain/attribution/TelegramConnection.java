package io.adtarget.domain.attribution;

import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.telegram.BotToken;
import java.time.Instant;
import java.util.Objects;

/**
 * A site's bot: its token (write-only, sealed at rest), the username Telegram gave, the {@code secret_token}
 * our webhook expects and the invite mode. {@code toString} shows neither secret.
 */
public record TelegramConnection(SiteId siteId, BotToken botToken, String botUsername, String webhookSecretHash,
        InviteMode inviteMode, Instant connectedAt) {
    public TelegramConnection {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(botUsername, "botUsername");
        Objects.requireNonNull(webhookSecretHash, "webhookSecret");
        Objects.requireNonNull(inviteMode, "inviteMode");
        Objects.requireNonNull(connectedAt, "connectedAt");
    }

    @Override
    public String toString() {
        return "TelegramConnection[siteId=" + siteId + ", bot=" + botUsername + ", inviteMode=" + inviteMode.slug()
                + "]";
    }
}
