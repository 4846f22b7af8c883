package io.adtarget.domain.conversion;

import static io.adtarget.domain.conversion.Fixtures.LEASE;
import static io.adtarget.domain.conversion.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state, transition) pair of {@link ConversionEvent}: the allowed ones give the next state of
 * the table below (the same table as in docs/architecture.md), all others throw.
 */
class ConversionTransitionTableTest {
    /** "-" = IllegalTransitionException. Rows are the states a conversion can be in, columns the moves. */
    private static final String TABLE = """
            state                 | revise  | claim   | markSent | markFailed | markSkipped | giveUp
            PENDING_UNCLAIMED     | PENDING | PENDING | -        | -          | SKIPPED     | FAILED
            PENDING_CLAIMED       | PENDING | -       | SENT     | FAILED     | SKIPPED     | FAILED
            PENDING_LEASE_EXPIRED | PENDING | PENDING | SENT     | FAILED     | SKIPPED     | FAILED
            FAILED_RETRYABLE      | FAILED  | PENDING | -        | -          | SKIPPED     | FAILED
            FAILED_FINAL          | FAILED  | PENDING | -        | -          | SKIPPED     | FAILED
            SKIPPED               | SKIPPED | PENDING | -        | -          | SKIPPED     | -
            SENT                  | -       | -       | -        | -          | -           | -
            """;

    private static final Instant NOW = T0.plus(Duration.ofMinutes(1));

    /** The states of the rows, each built by legal moves only, as seen at {@link #NOW}. */
    enum State {
        PENDING_UNCLAIMED(() -> Fixtures.pending(T0)),
        PENDING_CLAIMED(() -> Fixtures.pending(T0).claimForDelivery(NOW.minusSeconds(1), LEASE)),
        PENDING_LEASE_EXPIRED(() -> Fixtures.pending(T0).claimForDelivery(NOW.minusSeconds(20), LEASE)),
        FAILED_RETRYABLE(() -> Fixtures.claimed(T0).markFailed(Fixtures.transientError(), NOW, T0.plusSeconds(1))),
        FAILED_FINAL(() -> Fixtures.claimed(T0).markFailed(Fixtures.finalError(), null, T0.plusSeconds(1))),
        SKIPPED(() -> Fixtures.pending(T0).markSkipped(SkipReason.META_NOT_CONFIGURED, T0.plusSeconds(1))),
        SENT(() -> Fixtures.claimed(T0).markSent("trace-ok", T0.plusSeconds(1)));

        private final Supplier<ConversionEvent> build;

        State(Supplier<ConversionEvent> build) {
            this.build = build;
        }

        ConversionEvent build() {
            return build.get();
        }
    }

    /** The moves of the columns, all made at {@link #NOW}. */
    enum Move {
        REVISE(e -> e.revise(Fixtures.details("59.90", NOW), NOW)),
        CLAIM(e -> e.claimForDelivery(NOW, LEASE)),
        MARK_SENT(e -> e.markSent("trace-new", NOW)),
        MARK_FAILED(e -> e.markFailed(Fixtures.transientError(), NOW.plusSeconds(30), NOW)),
        MARK_SKIPPED(e -> e.markSkipped(SkipReason.SITE_DISABLED, NOW)),
        GIVE_UP(e -> e.giveUp(DeliveryErrorCode.ATTEMPTS_EXHAUSTED, NOW));

        private final Function<ConversionEvent, ConversionEvent> apply;

        Move(Function<ConversionEvent, ConversionEvent> apply) {
            this.apply = apply;
        }
    }

    static Stream<Arguments> table() {
        List<String> lines = TABLE.lines().filter(line -> !line.isBlank()).toList();
        List<Arguments> cases = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = Arrays.stream(line.split("\\|")).map(String::trim).toArray(String[]::new);
            State state = State.valueOf(cells[0]);
            for (Move move : Move.values()) {
                String expected = cells[1 + move.ordinal()];
                cases.add(Arguments.of(state, move, expected.equals("-") ? null : ConversionStatus.valueOf(expected)));
            }
        }
        return cases.stream();
    }

    @Test
    void the_table_covers_every_state_and_every_move() {
        assertThat(table()).hasSize(State.values().length * Move.values().length);
    }

    @Test
    void the_row_states_are_what_their_names_say() {
        assertThat(State.PENDING_UNCLAIMED.build().claimed()).isFalse();
        assertThat(State.PENDING_CLAIMED.build().leaseActive(NOW)).isTrue();
        assertThat(State.PENDING_LEASE_EXPIRED.build().claimed()).isTrue();
        assertThat(State.PENDING_LEASE_EXPIRED.build().leaseActive(NOW)).isFalse();
        assertThat(State.FAILED_RETRYABLE.build().lastError().retryable()).isTrue();
        assertThat(State.FAILED_FINAL.build().lastError().retryable()).isFalse();
        for (State state : State.values()) {
            assertThat(state.build().status().name()).isEqualTo(state.name().replaceFirst("_.*", ""));
        }
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("table")
    void every_move_gives_the_drawn_state_or_is_refused(State state, Move move, ConversionStatus expected) {
        ConversionEvent before = state.build();
        if (expected == null) {
            assertThatThrownBy(() -> move.apply.apply(before)).isInstanceOf(IllegalTransitionException.class);
        } else {
            ConversionEvent after = move.apply.apply(before);
            assertThat(after.status()).isEqualTo(expected);
            assertThat(after.id()).isEqualTo(before.id());
            assertThat(after.eventId()).isEqualTo(before.eventId());
            assertThat(after.updatedAt()).isEqualTo(NOW);
        }
    }

    @Test
    void create_starts_from_nothing_as_pending_never_attempted_and_unclaimed() {
        ConversionEvent created = Fixtures.pending(T0);

        assertThat(created.status()).isEqualTo(ConversionStatus.PENDING);
        assertThat(created.attempts()).isZero();
        assertThat(created.claimed()).isFalse();
        assertThat(created.createdAt()).isEqualTo(T0);
        assertThat(created.updatedAt()).isEqualTo(T0);
        assertThat(created.version()).isZero();
    }
}
