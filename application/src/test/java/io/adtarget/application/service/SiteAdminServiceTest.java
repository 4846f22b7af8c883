package io.adtarget.application.service;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.fake.InMemoryAccountRepository;
import io.adtarget.application.fake.InMemorySites;
import io.adtarget.application.fake.MutableClock;
import io.adtarget.application.port.in.ChannelChange;
import io.adtarget.application.port.in.CreateSiteCommand;
import io.adtarget.application.port.in.Patch;
import io.adtarget.application.port.in.SitePatch;
import io.adtarget.domain.account.Account;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.Site;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;


/** Site administration: Meta fields patched field by field; a channel belongs to one site of an account. */
class SiteAdminServiceTest {
    final MutableClock clock = new MutableClock();
    final InMemoryAccountRepository accounts = new InMemoryAccountRepository();
    final InMemorySites sites = new InMemorySites();
    final SiteAdminService admin = new SiteAdminService(sites, accounts, clock, new SplittableRandom(3));
    final SiteId unknownSite = new SiteId(UUID.fromString("00000000-0000-4000-8000-0000000000ee"));

    SiteAdminServiceTest() {
        value(accounts.insert(new Account(Fixtures.ACCOUNT, "Acme", clock.instant())));
        value(accounts.insert(new Account(Fixtures.OTHER_ACCOUNT, "Other", clock.instant())));
    }

    Site create() {
        return value(admin.createSite(new CreateSiteCommand(Fixtures.ACCOUNT, "Shop", Fixtures.PIXEL, Fixtures.TOKEN,
                null, true))).orElseThrow();
    }

    @Test
    void a_site_is_created_only_for_an_existing_account() {
        assertThat(create().channels()).isEmpty();
        assertThat(value(admin.createSite(new CreateSiteCommand(new AccountId(
                UUID.fromString("00000000-0000-4000-8000-000000000777")), "Shop", null, null, null, true)))).isEmpty();
    }

    @Test
    void an_update_sets_clears_or_keeps_each_field_and_stamps_the_update_time() {
        Site site = create();
        clock.advance(Duration.ofMinutes(1));
        Site updated = value(admin.updateSite(site.id(), new SitePatch(Patch.set("Shop 2"), Patch.keep(),
                Patch.clear(), Patch.set(Fixtures.TEST_CODE), Patch.set(false)))).orElseThrow();
        assertThat(updated.name()).isEqualTo("Shop 2");
        assertThat(updated.metaPixelId()).isEqualTo(Fixtures.PIXEL);
        assertThat(updated.metaAccessToken()).isNull();
        assertThat(updated.testEventCode()).isEqualTo(Fixtures.TEST_CODE);
        assertThat(updated.enabled()).isFalse();
        assertThat(updated.createdAt()).isEqualTo(site.createdAt());
        assertThat(updated.updatedAt()).isEqualTo(clock.instant());
        assertThat(value(admin.updateSite(unknownSite, new SitePatch(Patch.keep(), Patch.keep(), Patch.keep(),
                Patch.keep(), Patch.keep())))).isEmpty();
    }

    @Test
    void a_channel_attached_to_one_site_of_an_account_cannot_be_attached_to_another_of_its_sites() {
        Site first = create();
        Site second = create();
        ChannelChange attached = value(admin.attachChannel(first.id(), Fixtures.CHANNEL));
        assertThat(attached).isInstanceOf(ChannelChange.Done.class);
        assertThat(((ChannelChange.Done) attached).site().channels()).containsExactly(Fixtures.CHANNEL);
        assertThat(value(admin.attachChannel(second.id(), Fixtures.CHANNEL))).isEqualTo(new ChannelChange.ChannelTaken());
    }

    @Test
    void another_account_may_attach_the_same_channel() {
        create();
        value(admin.attachChannel(create().id(), Fixtures.CHANNEL));
        Site foreign = value(admin.createSite(new CreateSiteCommand(Fixtures.OTHER_ACCOUNT, "Theirs", null, null, null,
                true))).orElseThrow();
        assertThat(value(admin.attachChannel(foreign.id(), Fixtures.CHANNEL))).isInstanceOf(ChannelChange.Done.class);
    }

    @Test
    void detaching_a_channel_not_attached_to_the_site_is_refused_and_unknown_sites_are_not_found() {
        Site site = create();
        assertThat(value(admin.detachChannel(site.id(), new ChannelId("-100"))))
                .isEqualTo(new ChannelChange.ChannelNotAttached());
        value(admin.attachChannel(site.id(), Fixtures.CHANNEL));
        ChannelChange detached = value(admin.detachChannel(site.id(), Fixtures.CHANNEL));
        assertThat(((ChannelChange.Done) detached).site().channels()).isEmpty();
        assertThat(value(admin.attachChannel(unknownSite, Fixtures.CHANNEL))).isEqualTo(new ChannelChange.SiteNotFound());
        assertThat(value(admin.detachChannel(unknownSite, Fixtures.CHANNEL))).isEqualTo(new ChannelChange.SiteNotFound());
    }
}
