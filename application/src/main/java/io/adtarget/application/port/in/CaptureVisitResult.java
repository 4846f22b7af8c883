package io.adtarget.application.port.in;

import io.adtarget.domain.attribution.Visit;

/** The outcome of capturing a visit; each maps to one HTTP answer. */
public sealed interface CaptureVisitResult {
    /** 201 {visitId, inviteLink, expiresAt}. */
    record Captured(Visit visit) implements CaptureVisitResult {
    }

    /** The channel is not one of the key's site: 400 validation-failed on channelId. */
    record ChannelNotFound() implements CaptureVisitResult {
    }

    /** The site has no bot connected: 409 telegram-not-configured. */
    record TelegramNotConnected() implements CaptureVisitResult {
    }

    /** Telegram refused or did not answer createChatInviteLink: 503; nothing stored. */
    record TelegramUnavailable(String reason) implements CaptureVisitResult {
    }
}
