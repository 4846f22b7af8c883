package io.adtarget.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine against a trivial in-process server that answers after 5 ms. */
class EngineTest {
  static Vertx vertx;
  static HttpServer server;
  static final AtomicLong hits = new AtomicLong();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    server = Engine.await(vertx.createHttpServer().requestHandler(r -> {
      hits.incrementAndGet();
      vertx.setTimer(5, t -> r.response().setStatusCode(r.path().equals("/missing") ? 404 : 200).end("{}"));
    }).listen(0, "127.0.0.1"), 10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    Engine.await(vertx.close(), 10, TimeUnit.SECONDS);
  }

  @Test
  void closedLoopKeepsNRequestsInFlight() {
    try (Engine e = new Engine("127.0.0.1", server.actualPort(), 2, 5_000)) {
      Stats st = e.runClosed(2, 8, Sources.get("/x"), 200, 1_000, Expect.of(200));
      // 8 in flight, ~5 ms each: well above 8 / 5 ms * 0.2 = 320/s even on a busy machine
      assertTrue(st.throughput() > 100, "throughput " + st.throughput());
      assertEquals(0, st.errors);
      assertTrue(st.latencyUs.getValueAtPercentile(50) >= 5_000);
    }
  }

  @Test
  void openLoopSendsTheRateAndCountsUnexpectedStatuses() {
    try (Engine e = new Engine("127.0.0.1", server.actualPort(), 1, 5_000)) {
      Stats st = e.runOpen(1, 16, 200, Sources.get("/missing"), 0, 1_000, Expect.of(200));
      assertTrue(Math.abs(st.completed - 200) <= 2, "completed " + st.completed);
      assertEquals(st.completed, st.errors);
      assertEquals(st.completed, st.statuses.get("404"));
    }
  }

  @Test
  void burstFiresAllAtOnceOnOpenConnections() {
    try (Engine e = new Engine("127.0.0.1", server.actualPort(), 1, 5_000)) {
      long before = hits.get();
      Stats st = e.runBurst(1, 50, Sources.get("/warm"), Sources.get("/x"), Expect.of(200));
      assertEquals(50, st.completed);
      assertEquals(100, hits.get() - before);
      assertTrue(st.windowNanos > 0);
    }
  }

  @Test
  void sourceWithLimitEndsTheClosedLoop() {
    Sources.Setup s = new Sources.Setup("atk_live_x", "-100");
    try (Engine e = new Engine("127.0.0.1", server.actualPort(), 1, 5_000)) {
      Stats st = e.runClosed(1, 4, Sources.fresh(s, "t", 40), 0, 0, Expect.of(200));
      assertEquals(40, st.completedAll);
    }
  }
}
