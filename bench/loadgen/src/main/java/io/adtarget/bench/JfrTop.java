package io.adtarget.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Summarises the CPU samples (jdk.ExecutionSample) of a JFR recording of the service: the hottest
 * methods by self time, and the share of samples that pass through each area of the code
 * (inclusive), which is what "where does the time go" needs.
 */
final class JfrTop {
  private JfrTop() {
  }

  static final Map<String, String> AREAS = new LinkedHashMap<>();

  static {
    AREAS.put("Postgres client (io.vertx.pgclient/sqlclient)", "io.vertx.pgclient.|io.vertx.sqlclient.");
    AREAS.put("Redis client", "io.vertx.redis.");
    AREAS.put("JSON (Jackson / Vert.x Json)", "com.fasterxml.jackson.|io.vertx.core.json.");
    AREAS.put("logging (logback/slf4j/JUL)", "ch.qos.logback.|org.slf4j.|java.util.logging.");
    AREAS.put("metrics (micrometer)", "io.micrometer.");
    AREAS.put("SHA-256 / crypto", "sun.security.provider.|java.security.|javax.crypto.");
    AREAS.put("Vert.x web router", "io.vertx.ext.web.");
    AREAS.put("HTTP server codec (netty http)", "io.netty.handler.codec.http.");
    AREAS.put("socket I/O (netty channel/epoll/nio)", "io.netty.channel.|sun.nio.ch.");
    AREAS.put("service code (io.adtarget)", "io.adtarget.");
    AREAS.put("GC / JIT threads (not in Java frames)", "<no-java-frames>");
  }

  static String report(Path file, int top) throws IOException {
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> area = new LinkedHashMap<>();
    long total = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (!"jdk.ExecutionSample".equals(e.getEventType().getName())) {
        continue;
      }
      RecordedStackTrace st = e.getStackTrace();
      total++;
      if (st == null || st.getFrames().isEmpty()) {
        area.merge("GC / JIT threads (not in Java frames)", 1L, Long::sum);
        continue;
      }
      List<RecordedFrame> frames = st.getFrames();
      RecordedFrame f0 = frames.get(0);
      self.merge(name(f0), 1L, Long::sum);
      Set<String> hit = new HashSet<>();
      for (RecordedFrame f : frames) {
        String cls = f.getMethod() == null ? "" : f.getMethod().getType().getName();
        for (Map.Entry<String, String> a : AREAS.entrySet()) {
          for (String prefix : a.getValue().split("\\|")) {
            if (cls.startsWith(prefix)) {
              hit.add(a.getKey());
            }
          }
        }
      }
      hit.forEach(h -> area.merge(h, 1L, Long::sum));
    }
    StringBuilder b = new StringBuilder();
    long t = Math.max(1, total);
    b.append("CPU samples: ").append(total).append("\n\n| area (inclusive: samples with a frame there) | % |\n|---|---:|\n");
    for (String k : AREAS.keySet()) {
      b.append("| ").append(k).append(" | ").append(pct(area.getOrDefault(k, 0L), t)).append(" |\n");
    }
    b.append("\n| hottest methods (self) | % |\n|---|---:|\n");
    self.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
        .forEach(en -> b.append("| `").append(en.getKey()).append("` | ").append(pct(en.getValue(), t)).append(" |\n"));
    return b.toString();
  }

  private static String pct(long n, long t) {
    return String.format(Locale.ROOT, "%.1f", 100.0 * n / t);
  }

  private static String name(RecordedFrame f) {
    if (f.getMethod() == null) {
      return "?";
    }
    String cls = f.getMethod().getType().getName();
    return cls.substring(cls.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
  }
}
