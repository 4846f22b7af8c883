package io.adtarget.domain.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adtarget.domain.PropertyCheck;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Exponential backoff from a base, ×2 per attempt, capped, then ±20 % jitter (semantics §3, step 4). */
class BackoffPolicyTest {

    /** A source whose every double is {@code value}: the extremes of the jitter. */
    private static RandomGenerator constant(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    /** The rule on its own: min(cap, base × 2^(attempt-1)), in milliseconds. */
    private static long expectedNominalMillis(long baseMillis, long capMillis, int attempt) {
        BigInteger uncapped = BigInteger.valueOf(baseMillis).shiftLeft(attempt - 1);
        return uncapped.min(BigInteger.valueOf(capMillis)).longValueExact();
    }

    @Test
    void the_standard_schedule_from_30_seconds_doubles_until_the_one_hour_cap() {
        BackoffPolicy policy = BackoffPolicy.standard(Duration.ofSeconds(30));

        assertThat(IntStream.rangeClosed(1, 9).mapToObj(policy::nominalDelay)).containsExactly(
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1),
                Duration.ofHours(1));
        assertThat(policy.jitter()).isEqualTo(0.2);
    }

    @Test
    void a_base_above_one_hour_becomes_its_own_cap() {
        BackoffPolicy policy = BackoffPolicy.standard(Duration.ofHours(2));

        assertThat(policy.nominalDelay(5)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void jitter_is_applied_after_the_cap_so_a_capped_delay_reaches_from_48_to_72_minutes() {
        BackoffPolicy policy = BackoffPolicy.standard(Duration.ofSeconds(30));

        assertThat(policy.delay(20, constant(0.0))).isEqualTo(Duration.ofMinutes(48));
        assertThat(policy.delay(20, constant(Math.nextDown(1.0)))).isBetween(
                Duration.ofMinutes(72).minusMillis(1), Duration.ofMinutes(72));
        assertThat(policy.delay(20, constant(0.5))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void attempts_are_counted_from_one_and_huge_counts_do_not_overflow() {
        BackoffPolicy policy = BackoffPolicy.standard(Duration.ofSeconds(30));

        assertThatThrownBy(() -> policy.nominalDelay(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(policy.nominalDelay(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_policy_needs_a_positive_base_a_cap_not_below_it_and_a_jitter_below_one() {
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ZERO, Duration.ofHours(1), 0.2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofNanos(999_999), Duration.ofHours(1), 0.2))
                .as("a sub-millisecond base would round to a 0 ms delay: a hot retry loop")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofMinutes(2), Duration.ofMinutes(1), 0.2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(1), Duration.ofHours(1), 1.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(1), Duration.ofHours(1), -0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_nominal_delay_is_the_capped_doubling_never_exceeds_the_cap_and_never_decreases() {
        PropertyCheck.forAll("nominal delay", 2_000, random -> {
            long baseMillis = 1 + random.nextInt(600_000);
            long capMillis = baseMillis + (long) (random.nextDouble() * Duration.ofDays(1).toMillis());
            BackoffPolicy policy = new BackoffPolicy(Duration.ofMillis(baseMillis), Duration.ofMillis(capMillis), 0.2);
            long previous = 0;
            for (int attempt = 1; attempt <= 64; attempt++) {
                long nominal = policy.nominalDelay(attempt).toMillis();
                assertThat(nominal).as("attempt %d of %s", attempt, policy)
                        .isEqualTo(expectedNominalMillis(baseMillis, capMillis, attempt))
                        .isLessThanOrEqualTo(capMillis)
                        .isGreaterThanOrEqualTo(previous);
                previous = nominal;
            }
        });
    }

    @Test
    void every_delay_lies_within_twenty_percent_of_the_nominal_delay() {
        PropertyCheck.forAll("jittered delay", 20_000, random -> {
            Duration base = Duration.ofMillis(1 + random.nextInt(120_000));
            BackoffPolicy policy = BackoffPolicy.standard(base);
            int attempt = 1 + random.nextInt(30);
            long nominal = policy.nominalDelay(attempt).toMillis();

            long delay = policy.delay(attempt, random).toMillis();

            // The delay is whole milliseconds: the bounds widen to the nearest millisecond.
            assertThat(delay).as("attempt %d of %s", attempt, policy)
                    .isBetween((long) Math.floor(nominal * 0.8), (long) Math.ceil(nominal * 1.2));
        });
    }

    @Test
    void the_jitter_spreads_delays_over_the_whole_band_rather_than_one_value() {
        BackoffPolicy policy = BackoffPolicy.standard(Duration.ofSeconds(30));
        Random random = new Random(11);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 2_000; i++) {
            long delay = policy.delay(1, random).toMillis();
            min = Math.min(min, delay);
            max = Math.max(max, delay);
        }

        assertThat(min).isBetween(24_000L, 24_300L);
        assertThat(max).isBetween(35_700L, 36_000L);
    }
}
