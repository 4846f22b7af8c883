package io.adtarget.persistence.pg;

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

/** Maps a {@code sites} row plus its aggregated channel ids to {@link Site}. */
final class SiteRows {
    /** The site's columns and {@code channel_ids}, its channels in attach order; alias the table {@code s}. */
    static final String SELECT = "SELECT s.id, s.account_id, s.name, s.meta_pixel_id, s.meta_access_token,"
            + " s.test_event_code, s.enabled, s.created_at, s.updated_at,"
            + " ARRAY(SELECT c.channel_id FROM channels c WHERE c.site_id = s.id ORDER BY c.position) AS channel_ids"
            + " FROM sites s";

    private SiteRows() {
    }

    static Optional<Site> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(from(rows.iterator().next()));
    }

    static Site from(Row r) {
        String pixel = r.getString("meta_pixel_id");
        String token = r.getString("meta_access_token");
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
