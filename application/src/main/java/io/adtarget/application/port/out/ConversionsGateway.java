package io.adtarget.application.port.out;

import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.site.MetaConnection;
import io.adtarget.domain.site.TestEventCode;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Objects;

/** Sends one conversion to Meta's Conversions API. Every HTTP-level outcome is a value, never a failure. */
public interface ConversionsGateway {

    /** What to send where; {@code testEventCode} only for conversions recorded with a test key. */
    record DeliveryRequest(ConversionEvent conversion, MetaConnection connection, TestEventCode testEventCode) {
        public DeliveryRequest {
            Objects.requireNonNull(conversion, "conversion");
            Objects.requireNonNull(connection, "connection");
        }
    }

    sealed interface DeliveryOutcome {
        /** Meta accepted the event ({@code events_received >= 1}). */
        record Accepted(String fbtraceId) implements DeliveryOutcome {
        }

        /**
         * Meta refused it, answered garbage, or could not be reached in time. {@code retryAfter},
         * when Meta gave one (its {@code Retry-After}, or the estimated time to regain access of a
         * throttled app), is the earliest the next attempt may go; null otherwise.
         */
        record Failed(DeliveryError error, Duration retryAfter) implements DeliveryOutcome {
            public Failed {
                Objects.requireNonNull(error, "error");
                if (retryAfter != null && retryAfter.isNegative()) {
                    throw new IllegalArgumentException("retryAfter must not be negative");
                }
            }

            public Failed(DeliveryError error) {
                this(error, null);
            }
        }
    }

    Future<DeliveryOutcome> send(DeliveryRequest request);
}
