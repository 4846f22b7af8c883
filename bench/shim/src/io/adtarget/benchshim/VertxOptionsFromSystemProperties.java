package io.adtarget.benchshim;

import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.spi.VertxServiceProvider;

import java.util.concurrent.TimeUnit;

/**
 * Bench-only shim, put on the service's class path by bench/run.sh (never shipped): Vert.x calls
 * every {@link VertxServiceProvider} found by the ServiceLoader while it builds a Vertx instance,
 * before the instance exists, so this applies {@code -Dvertx.options.*} system properties to the
 * service's VertxOptions without touching the service's code. It gives the bench a strict
 * blocked-thread checker and lets it try other event-loop counts.
 *
 * <pre>
 *   vertx.options.blockedThreadCheckInterval   (ms)
 *   vertx.options.maxEventLoopExecuteTime       with vertx.options.maxEventLoopExecuteTimeUnit (default NANOSECONDS)
 *   vertx.options.maxWorkerExecuteTime          with vertx.options.maxWorkerExecuteTimeUnit (default NANOSECONDS)
 *   vertx.options.warningExceptionTime          with vertx.options.warningExceptionTimeUnit (default NANOSECONDS)
 *   vertx.options.eventLoopPoolSize / workerPoolSize
 * </pre>
 */
public final class VertxOptionsFromSystemProperties implements VertxServiceProvider {
  private static final String P = "vertx.options.";

  @Override
  public void init(VertxBootstrap bootstrap) {
    VertxOptions o = bootstrap.options();
    StringBuilder applied = new StringBuilder();
    Long v;
    if ((v = num("blockedThreadCheckInterval")) != null) {
      o.setBlockedThreadCheckInterval(v).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS);
      applied.append(" blockedThreadCheckInterval=").append(v).append("ms");
    }
    if ((v = num("maxEventLoopExecuteTime")) != null) {
      o.setMaxEventLoopExecuteTime(v).setMaxEventLoopExecuteTimeUnit(unit("maxEventLoopExecuteTimeUnit"));
      applied.append(" maxEventLoopExecuteTime=").append(v).append(unit("maxEventLoopExecuteTimeUnit"));
    }
    if ((v = num("maxWorkerExecuteTime")) != null) {
      o.setMaxWorkerExecuteTime(v).setMaxWorkerExecuteTimeUnit(unit("maxWorkerExecuteTimeUnit"));
      applied.append(" maxWorkerExecuteTime=").append(v).append(unit("maxWorkerExecuteTimeUnit"));
    }
    if ((v = num("warningExceptionTime")) != null) {
      o.setWarningExceptionTime(v).setWarningExceptionTimeUnit(unit("warningExceptionTimeUnit"));
      applied.append(" warningExceptionTime=").append(v).append(unit("warningExceptionTimeUnit"));
    }
    if ((v = num("eventLoopPoolSize")) != null) {
      o.setEventLoopPoolSize(v.intValue());
      applied.append(" eventLoopPoolSize=").append(v);
    }
    if ((v = num("workerPoolSize")) != null) {
      o.setWorkerPoolSize(v.intValue());
      applied.append(" workerPoolSize=").append(v);
    }
    if (applied.length() > 0) {
      System.err.println("[bench-shim] VertxOptions:" + applied);
    }
  }

  private static Long num(String name) {
    String s = System.getProperty(P + name);
    return s == null || s.isBlank() ? null : Long.parseLong(s.trim());
  }

  private static TimeUnit unit(String name) {
    return TimeUnit.valueOf(System.getProperty(P + name, "NANOSECONDS").trim().toUpperCase());
  }
}
