package io.adtarget.application.fake;

import io.adtarget.application.port.out.ConversionsGateway;
import io.adtarget.domain.conversion.DeliveryError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link ConversionsGateway} that records every request and answers from a script, one entry per
 * call, then {@code Accepted} with a fresh fbtrace id. {@link #thenHold} returns a promise the test
 * completes later, so deliveries can be interleaved.
 */
public final class ScriptedConversionsGateway implements ConversionsGateway {
    private final Deque<Supplier<Future<DeliveryOutcome>>> script = new ArrayDeque<>();
    private final List<DeliveryRequest> requests = new ArrayList<>();

    public synchronized ScriptedConversionsGateway thenAccept(String fbtraceId) {
        script.add(() -> Future.succeededFuture(new DeliveryOutcome.Accepted(fbtraceId)));
        return this;
    }

    public synchronized ScriptedConversionsGateway thenFail(DeliveryError error) {
        script.add(() -> Future.succeededFuture(new DeliveryOutcome.Failed(error)));
        return this;
    }

    /** The next call answers exactly {@code outcome}. */
    public synchronized ScriptedConversionsGateway then(DeliveryOutcome outcome) {
        script.add(() -> Future.succeededFuture(outcome));
        return this;
    }

    /** The call fails as a broken adapter would (not an HTTP outcome). */
    public synchronized ScriptedConversionsGateway thenThrow(Throwable failure) {
        script.add(() -> Future.failedFuture(failure));
        return this;
    }

    /** The next call stays unanswered until the returned promise is completed. */
    public synchronized Promise<DeliveryOutcome> thenHold() {
        Promise<DeliveryOutcome> promise = Promise.promise();
        script.add(promise::future);
        return promise;
    }

    @Override
    public Future<DeliveryOutcome> send(DeliveryRequest request) {
        Supplier<Future<DeliveryOutcome>> next;
        int number;
        synchronized (this) {
            requests.add(request);
            number = requests.size();
            next = script.poll();
        }
        return next != null ? next.get()
                : Future.succeededFuture(new DeliveryOutcome.Accepted("fbtrace-" + number));
    }

    /** Every request sent so far, in order. */
    public synchronized List<DeliveryRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized int calls() {
        return requests.size();
    }
}
