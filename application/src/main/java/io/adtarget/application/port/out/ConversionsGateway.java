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
        /**
         * Meta accepted the event ({@code events_received >= 1}); {@code httpStatus} is the status of
         * its answer (null when no HTTP call was made, as in dry-run); {@code eventsReceived} is Meta's
         * {@code events_received} (null when no HTTP call was made).
         */
        record Accepted(String fbtraceId, Integer httpStatus, Integer eventsReceived) implements DeliveryOutcome {
            public Accepted(String fbtraceId) {
                this(fbtraceId, null, null);
            }

            public Accepted(String fbtraceId, Integer httpStatus) {
                this(fbtraceId, httpStatus, null);
            }
        }

        /**
         * Meta refused it, answered garbage, or could not be reached in time. {@code retryAfter},
         * when Meta gave one (its {@code Retry-After}, or the estimated time to regain access of a
         * throttled app), is the earliest the next attempt may go; null otherwise. {@code httpStatus}
         * and {@code metaSubcode} are those of Meta's answer when there was one (the attempt log shows them).
         */
        record Failed(DeliveryError error, Duration retryAfter, Integer httpStatus, Integer metaSubcode)
                implements DeliveryOutcome {
            public Failed {
                Objects.requireNonNull(error, "error");
                if (retryAfter != null && retryAfter.isNegative()) {
                    throw new IllegalArgumentException("retryAfter must not be negative");
                }
            }

            public Failed(DeliveryError error, Duration retryAfter) {
                this(error, retryAfter, null, null);
            }

            public Failed(DeliveryError error) {
                this(error, null);
            }

            /** The same failure with Meta's floor for the next attempt. */
            public Failed withRetryAfter(Duration floor) {
                return new Failed(error, floor, httpStatus, metaSubcode);
            }
        }
    }

    Future<DeliveryOutcome> send(DeliveryRequest request);
}
