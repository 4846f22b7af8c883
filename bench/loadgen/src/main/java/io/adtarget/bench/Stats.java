package io.adtarget.bench;

import io.vertx.core.AsyncResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.HdrHistogram.Histogram;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Per-shard counters and latency histogram (microseconds); merged after the run. */
final class Stats {
  final Histogram latencyUs = new Histogram(1, 120_000_000L, 3);
  final Map<String, Long> statuses = new TreeMap<>();
  long completedAll;   // including warm-up
  long completed;      // inside the measurement window
  long errors;         // inside the window: transport failures and unexpected statuses
  long replayed;       // X-Idempotent-Replay: true
  long deduplicated;   // body "deduplicated": true
  long dropped;        // open loop: not sent because too many were outstanding
  long lastDone;
  long windowNanos;
  final Set<String> conversionIds = new HashSet<>();

  void record(Engine.Req req, AsyncResult<HttpResponse<Buffer>> ar, long t0, long t1, boolean inWindow,
              Expect expect) {
    completedAll++;
    if (ar.succeeded() && expect.listener != null) {
      expect.listener.onResponse(req, ar.result());
    }
    if (!inWindow) {
      return;
    }
    completed++;
    latencyUs.recordValue(Math.max(1, Math.min((t1 - t0) / 1_000, latencyUs.getHighestTrackableValue())));
    String key;
    if (ar.failed()) {
      Throwable c = ar.cause();
      key = "io:" + c.getClass().getSimpleName();
      errors++;
    } else {
      HttpResponse<Buffer> r = ar.result();
      key = Integer.toString(r.statusCode());
      if (!expect.okStatuses.contains(r.statusCode())) {
        errors++;
      }
      if ("true".equalsIgnoreCase(r.getHeader("X-Idempotent-Replay"))) {
        replayed++;
      }
      if (expect.parseBody && r.statusCode() < 300 && r.body() != null) {
        try {
          JsonObject o = r.bodyAsJsonObject();
          if (o.getString("conversionId") != null) {
            conversionIds.add(o.getString("conversionId"));
          }
          if (Boolean.TRUE.equals(o.getBoolean("deduplicated"))) {
            deduplicated++;
          }
        } catch (RuntimeException ignored) {
          // counted by status only
        }
      }
    }
    statuses.merge(key, 1L, Long::sum);
  }

  void add(Stats o) {
    latencyUs.add(o.latencyUs);
    o.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
    completedAll += o.completedAll;
    completed += o.completed;
    errors += o.errors;
    replayed += o.replayed;
    deduplicated += o.deduplicated;
    dropped += o.dropped;
    lastDone = Math.max(lastDone, o.lastDone);
    conversionIds.addAll(o.conversionIds);
  }

  double throughput() {
    return windowNanos <= 0 ? 0 : completed * 1e9 / windowNanos;
  }

  static double ms(long us) {
    return Math.round(us / 10.0) / 100.0;
  }

  JsonObject toJson() {
    JsonObject lat = new JsonObject()
        .put("p50", ms(latencyUs.getValueAtPercentile(50)))
        .put("p90", ms(latencyUs.getValueAtPercentile(90)))
        .put("p99", ms(latencyUs.getValueAtPercentile(99)))
        .put("p999", ms(latencyUs.getValueAtPercentile(99.9)))
        .put("max", ms(latencyUs.getMaxValue()))
        .put("mean", Math.round(latencyUs.getMean() / 10.0) / 100.0);
    JsonObject st = new JsonObject();
    statuses.forEach(st::put);
    return new JsonObject()
        .put("completed", completed)
        .put("completedAll", completedAll)
        .put("windowS", Math.round(windowNanos / 1e6) / 1000.0)
        .put("throughput", Math.round(throughput() * 10) / 10.0)
        .put("latencyMs", lat)
        .put("statuses", st)
        .put("errors", errors)
        .put("replayed", replayed)
        .put("deduplicated", deduplicated)
        .put("dropped", dropped);
  }
}
