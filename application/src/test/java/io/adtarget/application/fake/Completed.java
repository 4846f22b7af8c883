package io.adtarget.application.fake;

import io.vertx.core.Future;

/** Reads futures that must already be complete: tests on fakes never wait, so a pending future is a bug. */
public final class Completed {
    private Completed() {
    }

    /** The value of a succeeded future; fails the test when it is pending or failed. */
    public static <T> T value(Future<T> future) {
        if (!future.isComplete()) {
            throw new AssertionError("future is still pending");
        }
        if (future.failed()) {
            throw new AssertionError("future failed", future.cause());
        }
        return future.result();
    }

    /** The cause of a failed future; fails the test when it is pending or succeeded. */
    public static Throwable failure(Future<?> future) {
        if (!future.isComplete()) {
            throw new AssertionError("future is still pending");
        }
        if (future.succeeded()) {
            throw new AssertionError("future succeeded with " + future.result());
        }
        return future.cause();
    }
}
