package io.adtarget.domain.account;

import io.adtarget.domain.shared.AccountId;
import java.time.Instant;
import java.util.Objects;

/** A customer: owns API keys and sites. */
public record Account(AccountId id, String name, Instant createdAt) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name must be 1-200 characters");
        }
    }
}
