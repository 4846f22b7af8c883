package io.adtarget.domain.site;

import io.adtarget.domain.conversion.SkipReason;

/** Where a conversion of a site goes: to Meta (with a test code for test keys) or nowhere, and why. */
public sealed interface DeliveryTarget {

    /** Deliver through this connection; {@code testEventCode} is set only for test-key conversions. */
    record Deliver(MetaConnection connection, TestEventCode testEventCode) implements DeliveryTarget {
    }

    /** Do not deliver. */
    record Skip(SkipReason reason) implements DeliveryTarget {
    }
}
