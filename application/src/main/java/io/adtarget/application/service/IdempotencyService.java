package io.adtarget.application.service;

import io.adtarget.application.port.in.ExecuteIdempotentlyUseCase;
import io.adtarget.application.port.in.IdempotentOutcome;
import io.adtarget.application.port.in.IdempotentRequest;
import io.adtarget.application.port.in.OwnedIdempotencyRecord;
import io.adtarget.application.port.out.IdempotencyStore;
import io.adtarget.application.port.out.IdempotencyStore.ClaimOutcome;
import io.adtarget.application.port.ServiceUnavailableException;
import io.adtarget.application.port.out.Telemetry;
import io.adtarget.application.port.out.Telemetry.IdempotencyOutcome;
import io.adtarget.application.port.out.Timers;
import io.adtarget.domain.idempotency.FingerprintMode;
import io.adtarget.domain.idempotency.IdempotencyDecision;
import io.adtarget.domain.idempotency.IdempotencyPolicy;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** The Idempotency-Key protocol of semantics §1 over an {@link IdempotencyStore}. */
public final class IdempotencyService implements ExecuteIdempotentlyUseCase {
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final IdempotencyStore store;
    private final Timers timers;
    private final Clock clock;
    private final RandomGenerator random;
    private final IdempotencySettings settings;
    private final Telemetry telemetry;

    public IdempotencyService(IdempotencyStore store, Timers timers, Clock clock, RandomGenerator random,
            IdempotencySettings settings, Telemetry telemetry) {
        this.store = store;
        this.timers = timers;
        this.clock = clock;
        this.random = random;
        this.settings = settings;
        this.telemetry = telemetry;
    }

    @Override
    public Future<IdempotentOutcome> execute(IdempotentRequest request, Supplier<Future<StoredResponse>> action) {
        return executeOwned(request, owned -> action.get());
    }

    @Override
    public Future<IdempotentOutcome> executeOwned(IdempotentRequest request,
            Function<OwnedIdempotencyRecord, Future<StoredResponse>> action) {
        Instant deadline = Now.of(clock).plus(settings.inflightWait());
        return claim(request, action, deadline);
    }

    @Override
    public Future<Optional<IdempotentOutcome>> replayIfCompleted(IdempotentRequest request) {
        return store.find(request.scope()).map(found -> found
                .filter(record -> record.decide(Now.of(clock), settings.replayWindow()) == IdempotencyDecision.REPLAY)
                .map(record -> replay(request, record)));
    }

    @Override
    public Optional<IdempotentOutcome> replayFromMemory(IdempotentRequest request) {
        Instant now = Now.of(clock);
        return store.completedWithoutIo(request.scope())
                .filter(record -> record.decide(now, settings.replayWindow()) == IdempotencyDecision.REPLAY)
                .map(record -> replay(request, record));
    }

    private Future<IdempotentOutcome> claim(IdempotentRequest request,
            Function<OwnedIdempotencyRecord, Future<StoredResponse>> action,
            Instant deadline) {
        Instant now = Now.of(clock);
        String fingerprint = settings.fingerprintMode() == FingerprintMode.OFF ? null : request.bodyFingerprint();
        IdempotencyRecord candidate = IdempotencyRecord.inFlight(request.scope(), ownerToken(), now,
                settings.lease(), fingerprint);
        return store.claim(candidate, now, settings.replayWindow()).compose(outcome -> {
            if (outcome instanceof ClaimOutcome.Claimed claimed) {
                return run(claimed.record(), action);
            }
            IdempotencyRecord existing = ((ClaimOutcome.Existing) outcome).record();
            if (existing.decide(now, settings.replayWindow()) == IdempotencyDecision.REPLAY) {
                return Future.succeededFuture(replay(request, existing));
            }
            return waitForOwner(request, action, now, deadline);
        });
    }

    /** Another request owns the key: poll until it finishes, or answer in-use once the wait is over. */
    private Future<IdempotentOutcome> waitForOwner(IdempotentRequest request,
            Function<OwnedIdempotencyRecord, Future<StoredResponse>> action, Instant now, Instant deadline) {
        if (!now.isBefore(deadline)) {
            telemetry.idempotency(IdempotencyOutcome.CONFLICT);
            return Future.succeededFuture(new IdempotentOutcome.InUse(RETRY_AFTER));
        }
        return timers.delay(settings.pollInterval()).compose(ignored -> poll(request, action, deadline));
    }

    private Future<IdempotentOutcome> poll(IdempotentRequest request,
            Function<OwnedIdempotencyRecord, Future<StoredResponse>> action,
            Instant deadline) {
        return store.find(request.scope()).compose(found -> {
            Instant now = Now.of(clock);
            if (found.isEmpty()) {
                return claim(request, action, deadline);
            }
            IdempotencyDecision decision = found.get().decide(now, settings.replayWindow());
            return switch (decision) {
                case REPLAY -> Future.succeededFuture(replay(request, found.get()));
                case WAIT -> waitForOwner(request, action, now, deadline);
                case TAKE_OVER, STALE -> claim(request, action, deadline);
            };
        });
    }

    private Future<IdempotentOutcome> run(IdempotencyRecord owned,
            Function<OwnedIdempotencyRecord, Future<StoredResponse>> action) {
        IdempotencyScope scope = owned.scope();
        String owner = owned.ownerToken();
        OwnedIdempotencyRecord handle = new OwnedIdempotencyRecord(scope, owner);
        return invoke(action, handle).transform(done -> {
            Optional<StoredResponse> completedInline = handle.completedResponse();
            if (completedInline.isPresent()) {
                // The operation committed its response with its own last write: that is the answer, stored.
                telemetry.idempotency(IdempotencyOutcome.EXECUTED);
                return Future.succeededFuture(new IdempotentOutcome.Executed(completedInline.get(), true));
            }
            if (done.failed()) {
                return store.release(scope, owner).transform(released -> Future.failedFuture(done.cause()));
            }
            StoredResponse response = done.result();
            telemetry.idempotency(IdempotencyOutcome.EXECUTED);
            if (IdempotencyPolicy.isStorable(response.status())) {
                return store.complete(scope, owner, response).transform(completed -> {
                    if (completed.succeeded() && completed.result()) {
                        return Future.succeededFuture(new IdempotentOutcome.Executed(response, true));
                    }
                    // Never send a response that could not be replayed: the client gets a 503 and retries.
                    // A failed store releases the key so that retry executes; a record taken over after
                    // our lease ran out belongs to the newer request, whose answer the retry replays.
                    Throwable cause = completed.failed() ? completed.cause()
                            : new ServiceUnavailableException("idempotency record (lease expired while executing)");
                    Future<Void> release = completed.failed()
                            ? store.release(scope, owner).otherwiseEmpty() : Future.succeededFuture();
                    return release.transform(ignored -> Future.<IdempotentOutcome>failedFuture(cause));
                });
            }
            // A failed release only leaves the key busy until its lease ends; the response stands.
            return store.release(scope, owner).otherwiseEmpty()
                    .map(released -> new IdempotentOutcome.Executed(response, false));
        });
    }

    private IdempotentOutcome replay(IdempotentRequest request, IdempotencyRecord record) {
        boolean mismatch = settings.fingerprintMode() != FingerprintMode.OFF
                && record.bodyMismatch(request.bodyFingerprint());
        if (mismatch && settings.fingerprintMode() == FingerprintMode.REJECT) {
            telemetry.idempotency(IdempotencyOutcome.REJECTED);
            return new IdempotentOutcome.KeyReused();
        }
        telemetry.idempotency(mismatch ? IdempotencyOutcome.MISMATCH : IdempotencyOutcome.REPLAYED);
        return new IdempotentOutcome.Replayed(record.response(), mismatch);
    }

    private static Future<StoredResponse> invoke(Function<OwnedIdempotencyRecord, Future<StoredResponse>> action,
            OwnedIdempotencyRecord handle) {
        try {
            return action.apply(handle);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private String ownerToken() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
    }
}
