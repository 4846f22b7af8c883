package io.adtarget.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Meta Graph API for the live-gateway scenario: answers every
 * {@code POST /{version}/{pixel}/events} with Meta's success body after a fixed latency.
 * {@code GET /stats} returns how many events it accepted. Binds to 127.0.0.1 only.
 */
final class FakeGraph {
  final AtomicLong accepted = new AtomicLong();
  private HttpServer server;

  Future<HttpServer> start(Vertx vertx, int port, long latencyMs) {
    server = vertx.createHttpServer().requestHandler(req -> {
      if ("/stats".equals(req.path())) {
        req.response().putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("accepted", accepted.get()).encode());
        return;
      }
      req.body().onComplete(b -> {
        if (b.failed() || !req.path().endsWith("/events")) {
          req.response().setStatusCode(400).putHeader("Content-Type", "application/json")
              .end("{\"error\":{\"message\":\"bad request\",\"type\":\"OAuthException\",\"code\":100}}");
          return;
        }
        int n = 1;
        try {
          n = Math.max(1, b.result().toJsonObject().getJsonArray("data").size());
        } catch (RuntimeException ignored) {
          // count as one
        }
        long id = accepted.addAndGet(n);
        int events = n;
        Runnable answer = () -> req.response().putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("events_received", events).put("messages", new io.vertx.core.json.JsonArray())
                .put("fbtrace_id", "fake-" + id).encode());
        if (latencyMs > 0) {
          vertx.setTimer(latencyMs, t -> answer.run());
        } else {
          answer.run();
        }
      });
    });
    return server.listen(port, "127.0.0.1");
  }
}
