package io.adtarget.domain.userdata;

import java.util.List;

/** The outcome of normalising a request's user data: usable data, or every field that was refused. */
public sealed interface UserDataResult {
    record Accepted(UserData userData) implements UserDataResult {
    }

    record Rejected(List<InvalidField> errors) implements UserDataResult {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
