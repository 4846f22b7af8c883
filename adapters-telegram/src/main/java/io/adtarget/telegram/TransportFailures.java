package io.adtarget.telegram;

import io.adtarget.application.port.out.TelegramBotApi.Answer;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns a failure below HTTP into {@link Answer.Unreachable}. The exception's own message is never used:
 * Vert.x puts the request URI, and so the bot token in its path, into some of them.
 */
final class TransportFailures {

    private TransportFailures() {
    }

    static <T> Answer<T> deadlineExceeded(Duration deadline) {
        return unreachable("no answer from Telegram within " + deadline.toMillis() + " ms");
    }

    static <T> Answer<T> classify(Throwable failure, Duration deadline) {
        if (failure instanceof BoundedBody.TooLarge tooLarge) {
            return unreachable(tooLarge.getMessage());
        }
        if (failure instanceof ConnectTimeoutException || failure instanceof TimeoutException) {
            return deadlineExceeded(deadline);
        }
        if (failure instanceof ConnectException) {
            return unreachable("could not connect to Telegram (connection refused)");
        }
        if (failure instanceof UnknownHostException) {
            return unreachable("could not resolve Telegram's host name");
        }
        if (failure instanceof SSLException) {
            return unreachable("TLS handshake with Telegram failed");
        }
        if (failure instanceof HttpClosedException) {
            return unreachable("connection to Telegram closed before the answer completed");
        }
        if (failure instanceof ConnectionPoolTooBusyException) {
            return unreachable("too many calls to Telegram waiting for a connection");
        }
        return unreachable("connection to Telegram failed (" + failure.getClass().getSimpleName() + ")");
    }

    private static <T> Answer<T> unreachable(String reason) {
        return new Answer.Unreachable<>(reason);
    }
}
