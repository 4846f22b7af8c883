package io.adtarget.application.service;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Telegram attribution settings (attribution.md §Configuration): {@code publicBaseUrl} null refuses Telegram
 * connections; invite links live {@code visitLinkTtl}; a join enriches later conversions for
 * {@code attributionWindow}; visits are purged after {@code visitRetention}.
 */
public record AttributionSettings(URI publicBaseUrl, Duration visitLinkTtl, Duration attributionWindow,
        Duration visitRetention, int purgeBatchSize) {
    public static final Duration DEFAULT_VISIT_LINK_TTL = Duration.ofHours(24);
    public static final Duration DEFAULT_ATTRIBUTION_WINDOW = Duration.ofHours(168);
    public static final Duration DEFAULT_VISIT_RETENTION = Duration.ofHours(2160);

    public AttributionSettings {
        Objects.requireNonNull(visitLinkTtl, "visitLinkTtl");
        Objects.requireNonNull(attributionWindow, "attributionWindow");
        Objects.requireNonNull(visitRetention, "visitRetention");
        if (visitLinkTtl.isNegative() || visitLinkTtl.isZero()) {
            throw new IllegalArgumentException("VISIT_LINK_TTL must be positive");
        }
        if (visitRetention.compareTo(attributionWindow) < 0) {
            throw new IllegalArgumentException("VISIT_RETENTION must be at least ATTRIBUTION_WINDOW");
        }
    }

    public static AttributionSettings defaults() {
        return new AttributionSettings(null, DEFAULT_VISIT_LINK_TTL, DEFAULT_ATTRIBUTION_WINDOW,
                DEFAULT_VISIT_RETENTION, 1000);
    }

    public AttributionSettings withPublicBaseUrl(URI url) {
        return new AttributionSettings(url, visitLinkTtl, attributionWindow, visitRetention, purgeBatchSize);
    }

    /** Our webhook for a site: {@code {PUBLIC_BASE_URL}/webhooks/telegram/{siteId}}. */
    public String webhookUrl(String siteId) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/webhooks/telegram/" + siteId;
    }
}
