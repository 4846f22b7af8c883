package io.adtarget.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the service, only to test the harness itself (run.sh end to end) without the real
 * runtime: {@code SERVICE_JAR=bench/loadgen/target/loadgen.jar SERVICE_ENV=LOADGEN_STUB_SERVICE=1 bench/run.sh}.
 * Answers the admin calls run.sh makes, the health routes, and conversions with an in-memory
 * Idempotency-Key map (first request 201, later ones replay). Stops by itself after 30 minutes.
 */
final class StubService {
  private StubService() {
  }

  static void main() throws InterruptedException {
    long t0 = System.currentTimeMillis();
    int port = Integer.parseInt(System.getenv().getOrDefault("HTTP_PORT", "8080"));
    Vertx vertx = Vertx.vertx();
    Map<String, String> stored = new ConcurrentHashMap<>();
    int bound = Engine.await(vertx.createHttpServer().requestHandler(req -> req.body().onComplete(b -> {
      String p = req.path();
      var resp = req.response().putHeader("Content-Type", "application/json");
      if (p.startsWith("/health/")) {
        resp.end("{\"status\":\"UP\"}");
      } else if (p.startsWith("/admin/")) {
        resp.setStatusCode(201).end(new JsonObject().put("id", UUID.randomUUID().toString())
            .put("key", "atk_live_stubstubstubstubstubstubstubstub12").encode());
      } else if (p.equals(Sources.CONVERSION)) {
        String key = req.getHeader("Idempotency-Key");
        String fresh = new JsonObject().put("conversionId", UUID.randomUUID().toString()).put("status", "sent").encode();
        String prev = key == null ? null : stored.putIfAbsent(key, fresh);
        if (prev != null) {
          resp.putHeader("X-Idempotent-Replay", "true");
        }
        resp.setStatusCode(201).end(prev != null ? prev : fresh);
      } else {
        resp.setStatusCode(404).end("{}");
      }
    })).listen(port, "127.0.0.1"), 10, TimeUnit.SECONDS).actualPort();
    System.out.println("stub service: ready in " + (System.currentTimeMillis() - t0) + " ms on http://localhost:" + bound);
    Thread.sleep(TimeUnit.MINUTES.toMillis(30));
    System.exit(0);
  }
}
