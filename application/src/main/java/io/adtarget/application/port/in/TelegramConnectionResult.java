package io.adtarget.application.port.in;

import io.adtarget.domain.attribution.InviteMode;
import io.adtarget.domain.shared.SiteId;

/** The outcome of connecting a bot; each maps to one HTTP answer. */
public sealed interface TelegramConnectionResult {
    /** 200. */
    record Connected(SiteId siteId, String botUsername, String webhookUrl, InviteMode inviteMode)
            implements TelegramConnectionResult {
    }

    /** 404. */
    record SiteNotFound() implements TelegramConnectionResult {
    }

    /** Telegram refused the token (getMe) or the webhook: 400 validation-failed on botToken. */
    record TokenRefused(String description) implements TelegramConnectionResult {
    }

    /** Telegram did not answer: 503. */
    record TelegramUnavailable() implements TelegramConnectionResult {
    }

    /** PUBLIC_BASE_URL is unset, so there is no webhook URL to register: 409 telegram-not-configured. */
    record PublicBaseUrlMissing() implements TelegramConnectionResult {
    }
}
