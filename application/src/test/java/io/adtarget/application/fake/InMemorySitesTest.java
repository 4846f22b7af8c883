package io.adtarget.application.fake;

import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.Site;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemorySitesTest {
    private static final Instant T0 = MutableClock.DEFAULT_START;
    private final InMemorySites sites = new InMemorySites();

    @Test
    void a_channel_belongs_to_at_most_one_site_of_an_account() {
        Site first = value(sites.insert(Fixtures.site(T0)));
        SiteId otherId = new SiteId(UUID.fromString("00000000-0000-4000-8000-0000000000c2"));
        Site second = value(sites.insert(new Site(otherId, Fixtures.ACCOUNT, "Other", null, null, null, true,
                List.of(), T0, T0)));
        assertThat(first.channels()).isEmpty();
        assertThat(value(sites.attachChannel(first.id(), Fixtures.ACCOUNT, Fixtures.CHANNEL))).isTrue();
        assertThat(value(sites.attachChannel(second.id(), Fixtures.ACCOUNT, Fixtures.CHANNEL))).isFalse();
        assertThat(value(sites.resolve(Fixtures.ACCOUNT, Fixtures.CHANNEL)).orElseThrow().id()).isEqualTo(first.id());
        assertThat(value(sites.resolve(Fixtures.OTHER_ACCOUNT, Fixtures.CHANNEL))).isEmpty();
    }

    @Test
    void detaching_frees_the_channel_and_only_works_on_the_site_holding_it() {
        Site site = value(sites.insert(Fixtures.site(T0)));
        value(sites.attachChannel(site.id(), Fixtures.ACCOUNT, Fixtures.CHANNEL));
        SiteId unknown = new SiteId(UUID.fromString("00000000-0000-4000-8000-0000000000c9"));
        assertThat(value(sites.detachChannel(unknown, Fixtures.CHANNEL))).isFalse();
        assertThat(value(sites.detachChannel(site.id(), new ChannelId("-1")))).isFalse();
        assertThat(value(sites.detachChannel(site.id(), Fixtures.CHANNEL))).isTrue();
        assertThat(value(sites.findById(site.id())).orElseThrow().channels()).isEmpty();
    }
}
