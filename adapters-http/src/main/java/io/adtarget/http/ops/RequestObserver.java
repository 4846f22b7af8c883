package io.adtarget.http.ops;

/**
 * Told once about every finished request, so the runtime can count it, time it and log it
 * (semantics §4) without this module knowing the metrics library. Must not block or throw.
 */
@FunctionalInterface
public interface RequestObserver {

    void requestFinished(ObservedRequest request);

    RequestObserver NOOP = request -> {
    };
}
