package io.adtarget.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The load engine: {@code threads} shards, each a verticle with its own event loop, its own
 * WebClient (HTTP/1.1 keep-alive, no pipelining) and its own statistics, merged at the end.
 *
 * <ul>
 *   <li>closed loop: each of N connections sends its next request when the previous answer
 *       arrived; latency is measured from the actual send;</li>
 *   <li>open loop: requests are due at fixed intervals (rate R); latency is measured from the
 *       <em>intended</em> send time, so a stalled server is charged for the requests it delayed
 *       (no coordinated omission);</li>
 *   <li>burst: a fixed number of requests fired at one instant on pre-opened connections.</li>
 * </ul>
 */
final class Engine implements AutoCloseable {

  /** One request to send. {@code body == null} sends no body. */
  record Req(HttpMethod method, String uri, MultiMap headers, Buffer body) {}

  /** Thread-safe supplier of requests; {@code null} means "no more". */
  interface Source {
    Req next();
  }

  final Vertx vertx;
  final String host;
  final int port;
  final long timeoutMs;

  Engine(String host, int port, int threads, long timeoutMs) {
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(1, threads)));
    this.host = host;
    this.port = port;
    this.timeoutMs = timeoutMs;
  }

  /** Blocks the calling (non-event-loop) thread for the future's result, at most {@code t unit}. */
  static <T> T await(Future<T> f, long t, TimeUnit unit) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(t, unit);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    Engine.await(vertx.close(), 10, TimeUnit.SECONDS);
  }

  final class Shard extends VerticleBase {
    final int poolSize;
    WebClient client;
    Context ctx;
    final Stats stats = new Stats();

    Shard(int poolSize) {
      this.poolSize = Math.max(1, poolSize);
    }

    @Override
    public Future<?> start() {
      ctx = context;
      client = WebClient.create(vertx,
          new WebClientOptions().setDefaultHost(host).setDefaultPort(port)
              .setKeepAlive(true).setPipelining(false).setTcpNoDelay(true)
              .setConnectTimeout(5_000).setUserAgentEnabled(false),
          new PoolOptions().setHttp1MaxSize(poolSize).setMaxWaitQueueSize(-1));
      return Future.succeededFuture();
    }

    Future<HttpResponse<Buffer>> send(Req r) {
      HttpRequest<Buffer> req = client.request(r.method(), r.uri());
      if (r.headers() != null) {
        req.putHeaders(r.headers());
      }
      req.timeout(timeoutMs);
      return r.body() == null ? req.send() : req.sendBuffer(r.body());
    }
  }

  /** Measurement window in System.nanoTime() units. */
  record Window(long measureStart, long end) {
    boolean inWindow(long t) {
      return t >= measureStart && t <= end;
    }
  }

  List<Shard> deploy(int threads, int totalConnections) {
    List<Shard> shards = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int share = totalConnections / threads + (i < totalConnections % threads ? 1 : 0);
      Shard s = new Shard(share);
      Engine.await(vertx.deployVerticle(s), 10, TimeUnit.SECONDS);
      shards.add(s);
    }
    return shards;
  }

  static Stats merge(List<Shard> shards) {
    Stats all = new Stats();
    for (Shard s : shards) {
      all.add(s.stats);
    }
    return all;
  }

  /**
   * Closed loop: {@code connections} virtual users, each sending back-to-back. Runs until the
   * window ends or the source is exhausted; in-flight requests are awaited.
   */
  Stats runClosed(int threads, int connections, Source source, long warmupMs, long durationMs,
                  Expect expect) {
    List<Shard> shards = deploy(threads, connections);
    long now = System.nanoTime();
    Window w = new Window(now + TimeUnit.MILLISECONDS.toNanos(warmupMs),
        durationMs <= 0 ? Long.MAX_VALUE : now + TimeUnit.MILLISECONDS.toNanos(warmupMs + durationMs));
    List<Future<Void>> done = new ArrayList<>();
    for (Shard s : shards) {
      Promise<Void> p = Promise.promise();
      done.add(p.future());
      s.ctx.runOnContext(v -> {
        int[] active = {s.poolSize};
        for (int i = 0; i < s.poolSize; i++) {
          closedLoop(s, source, w, expect, active, p);
        }
      });
    }
    Engine.await(Future.all(done), w.end == Long.MAX_VALUE ? 3_600_000 : durationMs + warmupMs + timeoutMs + 10_000, TimeUnit.MILLISECONDS);
    long finished = System.nanoTime();
    Stats all = merge(shards);
    all.windowNanos = Math.min(finished, w.end) - w.measureStart;
    undeploy(shards);
    return all;
  }

  private void closedLoop(Shard s, Source source, Window w, Expect expect, int[] active, Promise<Void> p) {
    Req r = System.nanoTime() >= w.end ? null : source.next();
    if (r == null) {
      if (--active[0] == 0) {
        p.tryComplete();
      }
      return;
    }
    long t0 = System.nanoTime();
    s.send(r).onComplete(ar -> {
      long t1 = System.nanoTime();
      s.stats.record(r, ar, t0, t1, w.inWindow(t1), expect);
      if (ar.failed()) {
        // a refused connection fails fast: do not spin
        vertx.setTimer(10, id -> closedLoop(s, source, w, expect, active, p));
      } else {
        closedLoop(s, source, w, expect, active, p);
      }
    });
  }

  /**
   * Open loop at {@code rate} requests/s spread over the shards; latency from the intended send
   * time. At most {@code maxConnections} connections; requests beyond wait in the client queue
   * (that wait is part of their latency, as it would be for a real client).
   */
  Stats runOpen(int threads, int maxConnections, double rate, Source source, long warmupMs,
                long durationMs, Expect expect) {
    List<Shard> shards = deploy(threads, maxConnections);
    long start = System.nanoTime();
    Window w = new Window(start + TimeUnit.MILLISECONDS.toNanos(warmupMs),
        start + TimeUnit.MILLISECONDS.toNanos(warmupMs + durationMs));
    double perShard = rate / threads;
    long interval = (long) (1e9 / perShard);
    List<Future<Void>> done = new ArrayList<>();
    for (int idx = 0; idx < shards.size(); idx++) {
      Shard s = shards.get(idx);
      Promise<Void> p = Promise.promise();
      done.add(p.future());
      long offset = interval * idx / threads; // interleave the shards' schedules
      s.ctx.runOnContext(v -> {
        long[] seq = {0};
        long[] outstanding = {0};
        boolean[] stopped = {false};
        long limit = 50_000; // memory guard: requests beyond it are counted as dropped
        vertx.setPeriodic(1, id -> {
          long t = System.nanoTime();
          while (!stopped[0]) {
            long intended = start + offset + seq[0] * interval;
            if (intended > t) {
              break;
            }
            if (intended >= w.end) {
              stopped[0] = true;
              vertx.cancelTimer(id);
              if (outstanding[0] == 0) {
                p.tryComplete();
              }
              break;
            }
            seq[0]++;
            if (outstanding[0] >= limit) {
              s.stats.dropped++;
              continue;
            }
            Req r = source.next();
            if (r == null) {
              continue;
            }
            outstanding[0]++;
            s.send(r).onComplete(ar -> {
              long t1 = System.nanoTime();
              s.stats.record(r, ar, intended, t1, w.inWindow(intended), expect);
              if (--outstanding[0] == 0 && stopped[0]) {
                p.tryComplete();
              }
            });
          }
        });
      });
    }
    Engine.await(Future.all(done), warmupMs + durationMs + timeoutMs + 10_000, TimeUnit.MILLISECONDS);
    Stats all = merge(shards);
    all.windowNanos = w.end - w.measureStart;
    undeploy(shards);
    return all;
  }

  /**
   * Burst: opens {@code n} connections first (with {@code warm} requests), then fires {@code n}
   * requests from {@code source} at one instant and waits for all of them.
   */
  Stats runBurst(int threads, int n, Source warm, Source source, Expect expect) {
    List<Shard> shards = deploy(threads, n);
    // 1. open all connections so the burst does not measure TCP handshakes
    List<Future<?>> warmed = new ArrayList<>();
    for (Shard s : shards) {
      Promise<Void> p = Promise.promise();
      warmed.add(p.future());
      s.ctx.runOnContext(v -> {
        List<Future<HttpResponse<Buffer>>> fs = new ArrayList<>();
        for (int i = 0; i < s.poolSize; i++) {
          fs.add(s.send(warm.next()));
        }
        Future.join(fs).onComplete(ar -> p.complete());
      });
    }
    Engine.await(Future.join(warmed), 60, TimeUnit.SECONDS);
    // 2. the burst
    Window w = new Window(0, Long.MAX_VALUE);
    List<Future<?>> done = new ArrayList<>();
    long[] first = {Long.MAX_VALUE};
    for (Shard s : shards) {
      Promise<Void> p = Promise.promise();
      done.add(p.future());
      s.ctx.runOnContext(v -> {
        int[] left = {s.poolSize};
        long t0 = System.nanoTime();
        synchronized (first) {
          first[0] = Math.min(first[0], t0);
        }
        for (int i = 0; i < s.poolSize; i++) {
          Req r = source.next();
          s.send(r).onComplete(ar -> {
            long t1 = System.nanoTime();
            s.stats.record(r, ar, t0, t1, true, expect);
            s.stats.lastDone = Math.max(s.stats.lastDone, t1);
            if (--left[0] == 0) {
              p.complete();
            }
          });
        }
      });
    }
    Engine.await(Future.join(done), timeoutMs + 30_000, TimeUnit.MILLISECONDS);
    Stats all = merge(shards);
    all.windowNanos = all.lastDone - first[0];
    undeploy(shards);
    return all;
  }

  private void undeploy(List<Shard> shards) {
    for (Shard s : shards) {
      s.client.close();
      Engine.await(vertx.undeploy(s.deploymentID()), 10, TimeUnit.SECONDS);
    }
  }
}
