package io.adtarget.application.port.in;

import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.site.AccessToken;
import io.adtarget.domain.site.MetaPixelId;
import io.adtarget.domain.site.TestEventCode;
import java.util.Objects;

/** A new site; the Meta fields are optional (a site without them records conversions as skipped). */
public record CreateSiteCommand(AccountId accountId, String name, MetaPixelId metaPixelId, AccessToken metaAccessToken,
        TestEventCode testEventCode, boolean enabled) {
    public CreateSiteCommand {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
    }
}
