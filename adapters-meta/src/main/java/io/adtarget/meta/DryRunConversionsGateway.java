package io.adtarget.meta;

import io.adtarget.application.port.out.ConversionsGateway;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code META_MODE=dry-run} gateway: accepts every event without network I/O, answers a synthetic
 * {@code dry-run-…} trace id and logs the request it would have sent, token and raw browser values
 * (IP, user agent, fbc, fbp) redacted; contact data is only ever there as SHA-256.
 */
public final class DryRunConversionsGateway implements ConversionsGateway {
    private static final Logger LOG = LoggerFactory.getLogger(DryRunConversionsGateway.class);

    private final AttemptReporter reporter;
    private final RandomGenerator random;

    public DryRunConversionsGateway(MetaAttemptListener listener) {
        this(listener, new SecureRandom());
    }

    DryRunConversionsGateway(MetaAttemptListener listener, RandomGenerator random) {
        this.reporter = new AttemptReporter(LOG, listener);
        this.random = random;
    }

    @Override
    public Future<DeliveryOutcome> send(DeliveryRequest request) {
        long started = System.nanoTime();
        String payload;
        try {
            payload = MetaUserData.redactedForLog(MetaPayload.of(request.conversion(), request.testEventCode()))
                    .encode();
        } catch (RuntimeException e) {
            return Future.failedFuture(new IllegalArgumentException(
                    "conversion " + request.conversion().id() + " cannot be encoded as JSON", e));
        }
        LOG.info("dry-run: would POST /{}/events?access_token={} {}",
                request.connection().pixelId().value(), SafeText.REDACTED, payload);
        DeliveryOutcome outcome = new DeliveryOutcome.Accepted("dry-run-" + traceSuffix());
        reporter.report(request.conversion().id(), outcome, Duration.ofNanos(System.nanoTime() - started));
        return Future.succeededFuture(outcome);
    }

    private String traceSuffix() {
        byte[] bytes = new byte[8];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return HexFormat.of().formatHex(bytes);
    }
}
