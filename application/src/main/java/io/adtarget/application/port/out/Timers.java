package io.adtarget.application.port.out;

import io.vertx.core.Future;
import java.time.Duration;

/** Lets a service wait without blocking a thread (Vert.x timers in production, a virtual clock in tests). */
public interface Timers {
    Future<Void> delay(Duration duration);
}
