package io.adtarget.meta;

import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns a failure below HTTP into an outcome. The exception's own message is never used: Vert.x
 * puts the request URI, with the token in its query, into some of them.
 */
final class TransportFailures {

    private TransportFailures() {
    }

    static DeliveryOutcome deadlineExceeded(Duration deadline) {
        return failed(DeliveryErrorCode.META_TIMEOUT, "no answer from Meta within " + deadline.toMillis() + " ms");
    }

    static DeliveryOutcome classify(Throwable failure, Duration deadline) {
        if (failure instanceof BoundedBody.TooLarge tooLarge) {
            return unavailable(tooLarge.getMessage());
        }
        if (failure instanceof ConnectTimeoutException || failure instanceof TimeoutException) {
            return deadlineExceeded(deadline);
        }
        if (failure instanceof ConnectException) {
            return unavailable("could not connect to Meta (connection refused)");
        }
        if (failure instanceof UnknownHostException) {
            return unavailable("could not resolve Meta's host name");
        }
        if (failure instanceof SSLException) {
            return unavailable("TLS handshake with Meta failed");
        }
        if (failure instanceof HttpClosedException) {
            return unavailable("connection to Meta closed before the response completed");
        }
        if (failure instanceof ConnectionPoolTooBusyException) {
            return unavailable("too many calls to Meta waiting for a connection");
        }
        return unavailable("connection to Meta failed (" + failure.getClass().getSimpleName() + ")");
    }

    private static DeliveryOutcome unavailable(String message) {
        return failed(DeliveryErrorCode.META_UNAVAILABLE, message);
    }

    private static DeliveryOutcome failed(DeliveryErrorCode code, String message) {
        return new DeliveryOutcome.Failed(DeliveryError.of(code, message));
    }
}
