package io.adtarget.domain.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.SkipReason;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.SiteId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Where a site's conversions go (semantics §3, step 1), and the site's value objects. */
class SiteTest {
    private static final String TOKEN = "EAAGm0PX4ZCpsBAKZCsecretTOKEN123";
    private static final MetaPixelId PIXEL = new MetaPixelId("1234567890");
    private static final AccessToken ACCESS = new AccessToken(TOKEN);
    private static final TestEventCode TEST_CODE = new TestEventCode("TEST12345");

    private static Site site(MetaPixelId pixel, AccessToken token, TestEventCode code, boolean enabled) {
        Instant at = Instant.parse("2025-03-01T12:00:00Z");
        return new Site(SiteId.random(new Random(1)), AccountId.random(new Random(2)), "Shop", pixel, token, code,
                enabled, List.of(new ChannelId("-100")), at, at);
    }

    @Test
    void a_site_without_pixel_or_token_skips_as_meta_not_configured_even_when_disabled() {
        for (KeyMode mode : KeyMode.values()) {
            assertThat(site(null, ACCESS, TEST_CODE, true).deliveryTarget(mode))
                    .isEqualTo(new DeliveryTarget.Skip(SkipReason.META_NOT_CONFIGURED));
            assertThat(site(PIXEL, null, TEST_CODE, true).deliveryTarget(mode))
                    .isEqualTo(new DeliveryTarget.Skip(SkipReason.META_NOT_CONFIGURED));
            assertThat(site(null, null, null, false).deliveryTarget(mode))
                    .isEqualTo(new DeliveryTarget.Skip(SkipReason.META_NOT_CONFIGURED));
        }
    }

    @Test
    void a_configured_but_disabled_site_skips_as_site_disabled_for_live_and_test_keys() {
        assertThat(site(PIXEL, ACCESS, TEST_CODE, false).deliveryTarget(KeyMode.LIVE))
                .isEqualTo(new DeliveryTarget.Skip(SkipReason.SITE_DISABLED));
        assertThat(site(PIXEL, ACCESS, null, false).deliveryTarget(KeyMode.TEST))
                .isEqualTo(new DeliveryTarget.Skip(SkipReason.SITE_DISABLED));
    }

    @Test
    void a_test_key_on_a_site_without_test_event_code_skips_as_test_event_code_missing() {
        assertThat(site(PIXEL, ACCESS, null, true).deliveryTarget(KeyMode.TEST))
                .isEqualTo(new DeliveryTarget.Skip(SkipReason.TEST_EVENT_CODE_MISSING));
    }

    @Test
    void a_test_key_delivers_with_the_sites_test_event_code() {
        assertThat(site(PIXEL, ACCESS, TEST_CODE, true).deliveryTarget(KeyMode.TEST))
                .isEqualTo(new DeliveryTarget.Deliver(new MetaConnection(PIXEL, ACCESS), TEST_CODE));
    }

    @Test
    void a_live_key_delivers_without_a_test_event_code_whether_the_site_has_one_or_not() {
        DeliveryTarget expected = new DeliveryTarget.Deliver(new MetaConnection(PIXEL, ACCESS), null);

        assertThat(site(PIXEL, ACCESS, TEST_CODE, true).deliveryTarget(KeyMode.LIVE)).isEqualTo(expected);
        assertThat(site(PIXEL, ACCESS, null, true).deliveryTarget(KeyMode.LIVE)).isEqualTo(expected);
    }

    @Test
    void the_access_token_never_shows_in_the_text_of_a_token_a_connection_a_target_or_a_site() {
        Site site = site(PIXEL, ACCESS, TEST_CODE, true);

        assertThat(ACCESS.toString()).doesNotContain(TOKEN).doesNotContain("EAAG");
        assertThat(new MetaConnection(PIXEL, ACCESS).toString()).doesNotContain(TOKEN);
        assertThat(site.deliveryTarget(KeyMode.LIVE).toString()).doesNotContain(TOKEN);
        assertThat(site.toString()).doesNotContain(TOKEN);
        assertThat(ACCESS.value()).isEqualTo(TOKEN);
    }

    @Test
    void access_tokens_are_1_to_1024_visible_ascii_characters_and_rejections_do_not_echo_them() {
        assertThat(new AccessToken("x".repeat(1024)).value()).hasSize(1024);
        for (String invalid : new String[] {"", "   ", "x".repeat(1025), TOKEN + " ", TOKEN + "\n", TOKEN + "\u00E9"}) {
            assertThatThrownBy(() -> new AccessToken(invalid)).isInstanceOf(IllegalArgumentException.class)
                    .message().doesNotContain(TOKEN);
        }
    }

    @Test
    void pixel_ids_are_1_to_20_digits() {
        assertThat(new MetaPixelId("1").toString()).isEqualTo("1");
        assertThat(new MetaPixelId("1".repeat(20)).value()).hasSize(20);
        for (String invalid : new String[] {"", "1".repeat(21), "-1", "12a", " 1", "\u0661"}) {
            assertThatThrownBy(() -> new MetaPixelId(invalid)).as("[%s]", invalid)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void test_event_codes_are_1_to_100_visible_ascii_characters() {
        assertThat(new TestEventCode("T".repeat(100)).value()).hasSize(100);
        assertThatThrownBy(() -> new TestEventCode("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TestEventCode("T".repeat(101))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TestEventCode("TEST 1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_site_needs_a_name_of_1_to_200_characters_and_keeps_its_own_copy_of_the_channels() {
        assertThatThrownBy(() -> Site.requireValidName(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Site.requireValidName("n".repeat(201))).isInstanceOf(IllegalArgumentException.class);
        Site.requireValidName("n".repeat(200));
        ArrayList<ChannelId> channels = new ArrayList<>(List.of(new ChannelId("1")));
        Site site = site(PIXEL, ACCESS, null, true).withChannels(channels);
        channels.add(new ChannelId("2"));

        assertThat(site.channels()).containsExactly(new ChannelId("1"));
    }
}
