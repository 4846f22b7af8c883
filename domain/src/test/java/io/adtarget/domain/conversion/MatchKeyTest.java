package io.adtarget.domain.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.domain.PropertyCheck;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.SiteId;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The upsert's match key (semantics §2): equality and an unambiguous canonical text for locks. */
class MatchKeyTest {
    private static final SiteId[] SITES = {SiteId.random(new Random(1)), SiteId.random(new Random(2))};
    private static final long[] USERS = {1, 11, 111, 9_007_199_254_740_991L};
    private static final String[] CHANNELS = {"1", "11", "-1", "-11", "111"};
    private static final String[] TYPES = {"Lead", "Purchase", "L", "Lead1", "Lead_1"};
    private static final String[] EVENT_IDS = {null, "1", "11", ";", ":", "1:1;", "-", "+", "1;+", "a;2:bb;-", "x"};

    private static MatchKey randomKey(Random random) {
        String eventId = EVENT_IDS[random.nextInt(EVENT_IDS.length)];
        return new MatchKey(SITES[random.nextInt(SITES.length)], KeyMode.values()[random.nextInt(2)],
                new TelegramUserId(USERS[random.nextInt(USERS.length)]),
                new ChannelId(CHANNELS[random.nextInt(CHANNELS.length)]),
                new EventType(TYPES[random.nextInt(TYPES.length)]),
                eventId == null ? null : new ClientEventId(eventId));
    }

    private static MatchKey key(KeyMode mode, String eventId) {
        return new MatchKey(SITES[0], mode, new TelegramUserId(42), new ChannelId("-100"), EventType.PURCHASE,
                eventId == null ? null : new ClientEventId(eventId));
    }

    @Test
    void keys_of_the_same_parts_are_equal_and_share_canonical_form_and_digests() {
        MatchKey first = key(KeyMode.LIVE, "order-42");
        MatchKey second = key(KeyMode.LIVE, "order-42");

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first.canonical()).isEqualTo(second.canonical());
        assertThat(first.digest()).isEqualTo(second.digest()).matches("[0-9a-f]{64}");
        assertThat(first.digest64()).isEqualTo(Long.parseUnsignedLong(first.digest().substring(0, 16), 16));
    }

    @Test
    void the_event_id_is_part_of_the_key_and_no_event_id_differs_from_every_event_id() {
        assertThat(key(KeyMode.LIVE, "a")).isNotEqualTo(key(KeyMode.LIVE, "b"));
        assertThat(key(KeyMode.LIVE, null)).isNotEqualTo(key(KeyMode.LIVE, "a"));
        assertThat(key(KeyMode.LIVE, null).canonical()).isNotEqualTo(key(KeyMode.LIVE, "-").canonical());
        assertThat(key(KeyMode.LIVE, "a").canonical()).contains("a");
    }

    @Test
    void test_and_live_keys_never_match() {
        assertThat(key(KeyMode.LIVE, null)).isNotEqualTo(key(KeyMode.TEST, null));
        assertThat(key(KeyMode.LIVE, null).digest()).isNotEqualTo(key(KeyMode.TEST, null).digest());
    }

    @Test
    void a_conversions_match_key_is_built_from_its_own_fields() {
        ConversionEvent event = Fixtures.pending(new ClientEventId("order-42"), Fixtures.T0, 3);

        assertThat(event.matchKey()).isEqualTo(new MatchKey(Fixtures.SITE, KeyMode.LIVE, Fixtures.USER,
                Fixtures.CHANNEL, EventType.PURCHASE, new ClientEventId("order-42")));
    }

    @Test
    void two_keys_have_the_same_canonical_form_only_when_they_are_equal_even_with_separators_in_the_event_id() {
        PropertyCheck.forAll("canonical form is injective", 20_000, random -> {
            MatchKey first = randomKey(random);
            MatchKey second = randomKey(random);

            assertThat(first.canonical().equals(second.canonical())).as("%s vs %s", first, second)
                    .isEqualTo(first.equals(second));
            assertThat(first.digest().equals(second.digest())).isEqualTo(first.equals(second));
        });
    }
}
