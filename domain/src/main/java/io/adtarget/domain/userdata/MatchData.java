package io.adtarget.domain.userdata;

import java.util.Objects;

/**
 * What Meta uses to match a conversion to a person and how it may process it: the user data, where the
 * conversion happened ({@code action_source}) and the Limited Data Use options ({@code null} = none sent).
 * Revisable like the other details: an upsert revision replaces it as a whole.
 */
public record MatchData(UserData userData, ActionSource actionSource, DataProcessingOptions dataProcessingOptions) {
    public static final MatchData NONE = new MatchData(UserData.NONE, ActionSource.DEFAULT, null);

    public MatchData {
        Objects.requireNonNull(userData, "userData");
        Objects.requireNonNull(actionSource, "actionSource");
    }
}
