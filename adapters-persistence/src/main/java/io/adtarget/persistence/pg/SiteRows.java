package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.SecretBox;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.AccessToken;
import io.adtarget.domain.site.MetaPixelId;
import io.adtarget.domain.site.Site;
import io.adtarget.domain.site.TestEventCode;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Maps a {@code sites} row plus its aggregated channel ids to {@link Site}. */
final class SiteRows {
    /** The site's columns and {@code channel_ids}, its channels in attach order; alias the table {@code s}. */
    static final String SELECT = "SELECT s.id, s.account_id, s.name, s.meta_pixel_id, s.meta_access_token,"
            + " s.meta_access_token_key, s.test_event_code, s.enabled, s.created_at, s.updated_at,"
            + " ARRAY(SELECT c.channel_id FROM channels c WHERE c.site_id = s.id ORDER BY c.position) AS channel_ids"
            + " FROM sites s";

    private SiteRows() {
    }

    static Optional<Site> first(RowSet<Row> rows, SecretBox box) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(from(rows.iterator().next(), box));
    }

    /** Where a site's access token lives: a sealed token opens only for its own row. */
    static String tokenContext(UUID siteId) {
        return "sites.meta_access_token:" + siteId;
    }

    /** The sealed token and its key id for the row of {@code siteId}, or nulls when there is none. */
    static SecretBox.Sealed sealToken(SecretBox box, UUID siteId, AccessToken token) {
        return token == null ? null : box.seal(token.value(), tokenContext(siteId));
    }

    static Site from(Row r, SecretBox box) {
        String pixel = r.getString("meta_pixel_id");
        String stored = r.getString("meta_access_token");
        String keyId = r.getString("meta_access_token_key");
        // no key id: a plaintext row from before V4, sealed by the start-up step before any request
        String token = stored == null || keyId == null
                ? stored
                : box.open(new SecretBox.Sealed(keyId, stored), tokenContext(r.getUUID("id")));
        String testCode = r.getString("test_event_code");
        List<ChannelId> channels = new ArrayList<>();
        for (String id : r.getArrayOfStrings("channel_ids")) {
            channels.add(new ChannelId(id));
        }
        return new Site(new SiteId(r.getUUID("id")), new AccountId(r.getUUID("account_id")), r.getString("name"),
                pixel == null ? null : new MetaPixelId(pixel),
                token == null ? null : new AccessToken(token),
                testCode == null ? null : new TestEventCode(testCode),
                r.getBoolean("enabled"), channels,
                Sql.instant(r.getOffsetDateTime("created_at")), Sql.instant(r.getOffsetDateTime("updated_at")));
    }
}
