package io.adtarget.domain.account;

import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.Names;
import java.time.Instant;
import java.util.Objects;

/** A customer: owns API keys and sites. */
public record Account(AccountId id, String name, Instant createdAt) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Names.requireValid(name);
    }
}
