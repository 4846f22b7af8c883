package io.adtarget.domain.userdata;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** How many of a set of conversions carry each match signal: a customer's view of their match quality. */
public record MatchCoverage(int conversions, Map<MatchSignal, Integer> withSignal) {
    public MatchCoverage {
        EnumMap<MatchSignal, Integer> copy = new EnumMap<>(MatchSignal.class);
        for (MatchSignal signal : MatchSignal.values()) {
            copy.put(signal, withSignal.getOrDefault(signal, 0));
        }
        withSignal = Collections.unmodifiableMap(copy);
    }

    public static MatchCoverage of(Collection<UserData> userData) {
        EnumMap<MatchSignal, Integer> counts = new EnumMap<>(MatchSignal.class);
        userData.forEach(data -> data.signals().forEach(signal -> counts.merge(signal, 1, Integer::sum)));
        return new MatchCoverage(userData.size(), counts);
    }

    /** The share (0–1) of the conversions with the signal; 0 for no conversions. */
    public double share(MatchSignal signal) {
        return conversions == 0 ? 0.0 : (double) withSignal.get(signal) / conversions;
    }
}
