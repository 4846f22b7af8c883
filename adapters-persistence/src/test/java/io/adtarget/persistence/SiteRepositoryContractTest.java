package io.adtarget.persistence;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.SiteDirectory;
import io.adtarget.application.port.out.SiteRepository;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.AccessToken;
import io.adtarget.domain.site.MetaPixelId;
import io.adtarget.domain.site.Site;
import io.adtarget.domain.site.TestEventCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SiteRepository} and {@link SiteDirectory} pair does, run against each implementation. */
public abstract class SiteRepositoryContractTest {
    protected static final Instant T0 = Instant.parse("2025-03-01T12:00:00.000001Z");

    protected SiteRepository sites;
    protected SiteDirectory directory;
    protected AccountId account;

    /** Repository and directory over one store, in which {@code account} exists. */
    protected abstract void open(AccountId account);

    @BeforeEach
    void setUp() {
        account = new AccountId(UUID.randomUUID());
        open(account);
    }

    private Site newSite(String name) {
        return new Site(new SiteId(UUID.randomUUID()), account, name, new MetaPixelId("123456789012345"),
                new AccessToken("EAAB-secret"), null, true, List.of(), T0, T0);
    }

    @Test
    void an_inserted_site_reads_back_with_its_channels_in_attach_order() {
        Site site = result(sites.insert(newSite("shop")));
        assertThat(result(sites.attachChannel(site.id(), account, new ChannelId("-100")))).isTrue();
        assertThat(result(sites.attachChannel(site.id(), account, new ChannelId("42")))).isTrue();
        assertThat(result(sites.findById(site.id())))
                .contains(site.withChannels(List.of(new ChannelId("-100"), new ChannelId("42"))));
        assertThat(result(sites.findById(new SiteId(UUID.randomUUID())))).isEmpty();
    }

    @Test
    void an_account_holds_a_channel_on_one_site_only() {
        Site one = result(sites.insert(newSite("one")));
        Site two = result(sites.insert(newSite("two")));
        assertThat(result(sites.attachChannel(one.id(), account, new ChannelId("7")))).isTrue();
        assertThat(result(sites.attachChannel(two.id(), account, new ChannelId("7")))).isFalse();
        assertThat(result(sites.attachChannel(one.id(), account, new ChannelId("7")))).isFalse();
    }

    @Test
    void update_replaces_the_sites_fields_and_keeps_its_channels() {
        Site site = result(sites.insert(newSite("before")));
        result(sites.attachChannel(site.id(), account, new ChannelId("5")));
        Site changed = new Site(site.id(), account, "after", null, null, new TestEventCode("TEST1"), false,
                List.of(), T0, T0.plusSeconds(9));
        assertThat(result(sites.update(changed))).contains(changed.withChannels(List.of(new ChannelId("5"))));
        assertThat(result(sites.update(newSite("ghost")))).isEmpty();
    }

    @Test
    void detach_frees_the_channel_and_reports_whether_it_was_attached() {
        Site site = result(sites.insert(newSite("s")));
        result(sites.attachChannel(site.id(), account, new ChannelId("9")));
        assertThat(result(sites.detachChannel(site.id(), new ChannelId("9")))).isTrue();
        assertThat(result(sites.detachChannel(site.id(), new ChannelId("9")))).isFalse();
        assertThat(result(directory.resolve(account, new ChannelId("9")))).isEmpty();
    }

    @Test
    void the_directory_resolves_a_channel_to_its_site_within_the_account_only() {
        Site site = result(sites.insert(newSite("hot")));
        result(sites.attachChannel(site.id(), account, new ChannelId("-1001")));
        assertThat(result(directory.resolve(account, new ChannelId("-1001"))))
                .contains(site.withChannels(List.of(new ChannelId("-1001"))));
        assertThat(result(directory.resolve(new AccountId(UUID.randomUUID()), new ChannelId("-1001")))).isEmpty();
    }
}
