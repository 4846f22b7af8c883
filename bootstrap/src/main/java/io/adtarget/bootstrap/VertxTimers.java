package io.adtarget.bootstrap;

import io.adtarget.application.port.out.Timers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** {@link Timers} on Vert.x timers: waiting never blocks a thread. */
final class VertxTimers implements Timers {
    private final Vertx vertx;

    VertxTimers(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Future<Void> delay(Duration duration) {
        return vertx.timer(Math.max(1, duration.toMillis()), TimeUnit.MILLISECONDS).mapEmpty();
    }
}
