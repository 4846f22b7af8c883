package io.adtarget.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A conversion's value: 0 ≤ amount ≤ 1e12, at most 4 decimals, in an ISO 4217 currency the JDK knows. */
class MoneyTest {
    private static final Currency USD = Currency.getInstance("USD");

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), USD);
    }

    @Test
    void zero_and_exactly_one_trillion_are_accepted() {
        assertThat(usd("0").amount()).isEqualByComparingTo("0");
        assertThat(usd("1000000000000").amount()).isEqualByComparingTo("1e12");
        assertThat(usd("999999999999.9999").amount()).isEqualByComparingTo("999999999999.9999");
    }

    @Test
    void negative_amounts_and_amounts_above_one_trillion_are_refused() {
        assertThatThrownBy(() -> usd("-0.0001")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be >= 0");
        assertThatThrownBy(() -> usd("1000000000000.0001")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be <= 1e12");
    }

    @Test
    void four_decimals_are_accepted_and_a_fifth_significant_one_is_refused() {
        assertThat(usd("0.0001").amount()).isEqualByComparingTo("0.0001");
        assertThatThrownBy(() -> usd("0.00001")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must have at most 4 decimals");
    }

    @Test
    void trailing_zeros_do_not_count_as_decimals_and_are_removed() {
        assertThat(usd("49.000000").amount()).isEqualTo(new BigDecimal("49"));
        assertThat(usd("1.23450").amount()).isEqualTo(new BigDecimal("1.2345"));
        assertThat(usd("0.00").amount()).isEqualTo(new BigDecimal("0"));
    }

    @Test
    void exponent_forms_are_normalised_to_plain_integers_without_a_negative_scale() {
        Money thousand = new Money(new BigDecimal("1E+3"), USD);

        assertThat(thousand.amount().scale()).isZero();
        assertThat(thousand.amount().toPlainString()).isEqualTo("1000");
    }

    @Test
    void amounts_written_differently_but_equal_in_value_are_the_same_money() {
        assertThat(usd("49.0")).isEqualTo(usd("49.00")).isEqualTo(usd("49"));
        assertThat(usd("49")).isNotEqualTo(new Money(new BigDecimal("49"), Currency.getInstance("EUR")));
    }

    @Test
    void currency_codes_are_checked_against_the_jdk_and_lower_case_is_normalised_to_upper_case() {
        assertThat(Money.currency("USD")).isEqualTo(USD);
        assertThat(Money.currency("usd")).isEqualTo(USD);
        assertThat(Money.currency("eUr").getCurrencyCode()).isEqualTo("EUR");
        assertThat(Money.currency("JPY").getCurrencyCode()).isEqualTo("JPY");
    }

    @ParameterizedTest(name = "refuses [{0}]")
    @ValueSource(strings = {"", "US", "USDD", "ABC", "QQQ", "U5D", " USD", "US\u00D0", "\u0131sd"})
    void unknown_or_malformed_currency_codes_are_refused(String code) {
        assertThatThrownBy(() -> Money.currency(code)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("currency must be an ISO 4217 code");
    }

    @Test
    void a_missing_currency_code_is_refused() {
        assertThatThrownBy(() -> Money.currency(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
