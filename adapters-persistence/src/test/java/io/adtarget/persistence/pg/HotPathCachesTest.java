package io.adtarget.persistence.pg;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.domain.attribution.MembershipEvent;
import io.adtarget.domain.attribution.Visit;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.MetaPixelId;
import io.adtarget.domain.userdata.FacebookClickId;
import io.adtarget.persistence.testing.PgTestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two look-ups of a new conversion that issue #15 moved into memory, on instance "B", against
 * changes committed by instance "A" (its own pool): whether Meta throttles a pixel, and whether an
 * account has any attributed Telegram join (enrichment's look-up is skipped when it has none). Each is
 * answered from memory while nothing changes, follows a change as soon as Postgres notifies it, and
 * goes to Postgres while the listener is down.
 */
class HotPathCachesTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final MetaPixelId PIXEL = new MetaPixelId("123456789012345");
    static final TelegramUserId USER = new TelegramUserId(777L);
    static final ChannelId CHANNEL = new ChannelId("-1001234567890");

    PgTestDatabase db;
    Pool instanceA;
    PgChangeFeed feedB;
    CachedPixelThrottles throttlesB;
    CachedAttributedJoins joinsB;
    AccountId account;
    SiteId site;

    @BeforeEach
    void start() {
        db = PgTestDatabase.create();
        instanceA = db.newPool(2);
        account = new AccountId(UUID.randomUUID());
        site = new SiteId(UUID.randomUUID());
        db.givenSite(account.value(), site.value());
        feedB = result(PgChangeFeed.start(db.vertx(), PgPools.connectOptions(db.url()), Duration.ofMillis(50)));
        assertThat(feedB.live()).isTrue();
        throttlesB = new CachedPixelThrottles(new PgPixelThrottles(db.pool()), feedB, 100);
        joinsB = new CachedAttributedJoins(new PgVisitRepository(db.pool()), feedB, 100);
    }

    @AfterEach
    void stop() {
        result(feedB.close());
        result(instanceA.close());
        db.close();
    }

    @Test
    void a_pause_committed_by_another_instance_holds_the_pixel_once_postgres_notifies_it() {
        assertThat(result(throttlesB.pausedUntil(PIXEL, T0))).isEmpty();
        Future<String> heard = heard(CachedPixelThrottles.TABLE);

        result(new PgPixelThrottles(instanceA).pause(PIXEL, T0.plusSeconds(60)));
        result(heard);

        assertThat(result(throttlesB.pausedUntil(PIXEL, T0))).contains(T0.plusSeconds(60));
        assertThat(result(throttlesB.pausedUntil(PIXEL, T0.plusSeconds(61)))).as("a held pause ends on time").isEmpty();
    }

    @Test
    void the_pause_state_is_answered_from_memory_while_nothing_is_notified_and_from_postgres_while_the_feed_is_down() {
        assertThat(result(throttlesB.pausedUntil(PIXEL, T0))).isEmpty();
        silently(conn -> conn.query("INSERT INTO pixel_throttle (meta_pixel_id, paused_until) VALUES ('"
                + PIXEL.value() + "', '2026-01-01T00:01:00Z')").execute());
        assertThat(result(throttlesB.pausedUntil(PIXEL, T0))).as("held in memory").isEmpty();

        result(feedB.close());

        assertThat(result(throttlesB.pausedUntil(PIXEL, T0))).contains(T0.plusSeconds(60));
    }

    @Test
    void a_pause_written_through_the_cache_holds_the_pixel_at_once() {
        assertThat(result(throttlesB.pausedUntil(PIXEL, T0))).isEmpty();
        // B's own write drops B's entry itself; with the notification switched off, only that can.
        result(db.pool().query("ALTER TABLE pixel_throttle DISABLE TRIGGER pixel_throttle_changed").execute());

        result(throttlesB.pause(PIXEL, T0.plusSeconds(30)));

        assertThat(result(throttlesB.pausedUntil(PIXEL, T0))).contains(T0.plusSeconds(30));
    }

    @Test
    void an_account_without_attributed_joins_is_answered_from_memory_until_its_first_join_is_notified() {
        Visit visit = visit();
        result(new PgVisitRepository(instanceA).insert(visit));
        assertThat(result(joinsB.latestAttributed(account, USER, T0))).isEmpty();
        // A join Postgres does not notify (triggers off for this one transaction): B still holds "no joins",
        // which shows the look-up is skipped.
        silently(conn -> conn.preparedQuery(PgMembershipLog.RECORD).execute(io.vertx.sqlclient.Tuple.of(
                site.value(), 1L, account.value(), CHANNEL.value(), USER.value(), "join-attributed", visit.id(),
                T0.plusSeconds(1).atOffset(java.time.ZoneOffset.UTC))));
        assertThat(result(joinsB.latestAttributed(account, USER, T0))).as("skipped: held in memory").isEmpty();

        Future<String> heard = heard(CachedAttributedJoins.TABLE);
        assertThat(result(new PgMembershipLog(instanceA).record(join(2L, visit)))).isTrue();
        result(heard);

        assertThat(result(joinsB.latestAttributed(account, USER, T0))).map(Visit::id).contains(visit.id());
    }

    @Test
    void an_attributed_join_recorded_by_this_instance_is_seen_without_waiting_for_the_notification() {
        Visit visit = visit();
        result(new PgVisitRepository(instanceA).insert(visit));
        assertThat(result(joinsB.latestAttributed(account, USER, T0))).isEmpty();
        // B's own log drops B's cache itself; with the notification switched off for this write, only that can.
        PgMembershipLog logB = new PgMembershipLog(db.pool(), feedB);
        result(db.pool().query("ALTER TABLE telegram_updates DISABLE TRIGGER telegram_updates_attributed_join").execute());

        assertThat(result(logB.record(join(3L, visit)))).isTrue();

        assertThat(result(joinsB.latestAttributed(account, USER, T0))).map(Visit::id).contains(visit.id());
    }

    @Test
    void organic_joins_and_leaves_do_not_notify() {
        Promise<String> heard = Promise.promise();
        feedB.onChange(heard::tryComplete);
        PgMembershipLog logA = new PgMembershipLog(instanceA);

        assertThat(result(logA.record(new MembershipEvent(site, 4L, account, CHANNEL, USER,
                MembershipEvent.Kind.JOIN_ORGANIC, null, T0)))).isTrue();
        assertThat(result(logA.record(new MembershipEvent(site, 5L, account, CHANNEL, USER,
                MembershipEvent.Kind.LEAVE, null, T0)))).isTrue();
        // A notification of a later change arrives after any of the two writes' would have.
        result(new PgPixelThrottles(instanceA).pause(PIXEL, T0));
        assertThat(result(heard.future())).isEqualTo(CachedPixelThrottles.TABLE);
    }

    private Visit visit() {
        return new Visit(UUID.randomUUID(), account, site, CHANNEL, new FacebookClickId("fb.1.1764270000000.IwAR0x"),
                null, null, null, "https://shop.example/", null, Map.of(), "https://t.me/+abc" + UUID.randomUUID(),
                T0, T0.plus(Duration.ofDays(7)));
    }

    private MembershipEvent join(long updateId, Visit visit) {
        return new MembershipEvent(site, updateId, account, CHANNEL, USER, MembershipEvent.Kind.JOIN_ATTRIBUTED,
                visit.id(), T0.plusSeconds(2));
    }

    private Future<String> heard(String table) {
        Promise<String> heard = Promise.promise();
        feedB.onChange(changed -> {
            if (changed.equals(table)) {
                heard.tryComplete(changed);
            }
        });
        return heard.future();
    }

    private void silently(Function<SqlConnection, Future<?>> write) {
        result(instanceA.withTransaction(conn -> conn.query("SET LOCAL session_replication_role = replica").execute()
                .compose(off -> write.apply(conn))));
    }
}
