package io.adtarget.domain.conversion;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What a conversion request does, given the most recent matching conversion (semantics §2). */
public sealed interface UpsertDecision {

    /** The conversion to store and report. */
    ConversionEvent conversion();

    /** No recent match: store the candidate as a new PENDING conversion (201). */
    record Create(ConversionEvent conversion) implements UpsertDecision {
    }

    /** A recent unsent match: its details revised, delivery to be retried under the same ids (200). */
    record Revise(ConversionEvent conversion) implements UpsertDecision {
    }

    /** A recent sent match: nothing changes, Meta is not called (200, deduplicated). */
    record Deduplicated(ConversionEvent conversion) implements UpsertDecision {
    }

    /**
     * A recent unsent match whose delivery is in progress (its lease is active): nothing is written.
     * Revising it now would let that delivery's answer, for the older details, be stored on the
     * revision; the caller waits for the outcome and decides again (semantics §2–3).
     */
    record InFlight(ConversionEvent conversion) implements UpsertDecision {
    }

    /**
     * Decides from the latest match. A match created at or before {@code now - window} is not
     * recent and does not count.
     */
    static UpsertDecision decide(Optional<ConversionEvent> latestMatch, ConversionEvent candidate, Instant now,
            Duration window) {
        Optional<ConversionEvent> recent = latestMatch.filter(m -> m.createdAt().isAfter(now.minus(window)));
        if (recent.isEmpty()) {
            return new Create(candidate);
        }
        ConversionEvent match = recent.get();
        if (match.status() == ConversionStatus.SENT) {
            return new Deduplicated(match);
        }
        if (match.claimed() && match.leaseActive(now)) {
            return new InFlight(match);
        }
        return new Revise(match.revise(candidate.details(), now));
    }
}
