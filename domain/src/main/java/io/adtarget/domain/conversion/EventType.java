package io.adtarget.domain.conversion;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** A Meta standard event name (exact case) or a custom event name. */
public record EventType(String value) {
    public static final Set<String> STANDARD = Set.of(
            "AddPaymentInfo", "AddToCart", "AddToWishlist", "CompleteRegistration", "Contact",
            "CustomizeProduct", "Donate", "FindLocation", "InitiateCheckout", "Lead", "Purchase",
            "Schedule", "Search", "StartTrial", "SubmitApplication", "Subscribe", "ViewContent");
    public static final EventType PURCHASE = new EventType("Purchase");
    private static final Pattern CUSTOM = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,49}$");

    public EventType {
        Objects.requireNonNull(value, "value");
        if (!STANDARD.contains(value) && !CUSTOM.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "eventType must be a Meta standard event or match ^[A-Za-z][A-Za-z0-9_]{0,49}$");
        }
    }

    public boolean isStandard() {
        return STANDARD.contains(value);
    }

    public boolean requiresValue() {
        return PURCHASE.equals(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
