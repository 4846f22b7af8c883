package io.adtarget.domain.attribution;

import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A site's browser key ({@code atk_pub_…}): it may only capture visits, from its allowed origins. Only the
 * SHA-256 of the secret is kept; {@code prefix} (the first 12 characters) is what the admin API shows.
 */
public record PublishableKey(UUID id, AccountId accountId, SiteId siteId, String prefix, String keyHash,
        List<String> allowedOrigins, Instant createdAt, Instant revokedAt) {
    public static final String SECRET_PREFIX = "atk_pub_";
    private static final Pattern SECRET = Pattern.compile("atk_pub_[0-9A-Za-z]{32,200}");
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");

    public PublishableKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(createdAt, "createdAt");
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public static boolean looksLikeSecret(String text) {
        return text != null && SECRET.matcher(text).matches();
    }

    /** A browser origin as the {@code Origin} header carries it: scheme, host, optional port, nothing else. */
    public static boolean isOrigin(String text) {
        return text != null && ORIGIN.matcher(text).matches();
    }

    public boolean allows(String origin) {
        return origin != null && allowedOrigins.contains(origin.toLowerCase(java.util.Locale.ROOT));
    }

    public boolean active() {
        return revokedAt == null;
    }
}
