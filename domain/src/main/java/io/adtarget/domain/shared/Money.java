package io.adtarget.domain.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** A non-negative amount (at most 4 decimals, at most 1e12) in an ISO 4217 currency. */
public record Money(BigDecimal amount, Currency currency) {
    public static final BigDecimal MAX = new BigDecimal("1000000000000");
    public static final int MAX_SCALE = 4;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("value must be >= 0");
        }
        if (amount.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("value must be <= 1e12");
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > MAX_SCALE) {
            throw new IllegalArgumentException("value must have at most 4 decimals");
        }
        amount = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Parses an ISO 4217 code (case-insensitive) against the JDK's list. */
    public static Currency currency(String code) {
        if (code == null || !code.matches("^[A-Za-z]{3}$")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
        try {
            return Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
    }
}
