package io.adtarget.bench;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;

/**
 * Turns one run directory (meta.properties, one JSON per scenario, pg-*.properties) into the
 * markdown results file and one combined raw JSON.
 */
final class Report {
  static final List<String> ORDER = List.of("health", "new", "new-open", "replay", "dedup", "storm", "live");

  private final Path dir;
  /** {@link #ORDER}, with the extra open-loop points (new-open-NN.json, OPEN_FRACTIONS) after new-open. */
  private final List<String> names = new java.util.ArrayList<>();
  private final Properties meta = new Properties();
  private final JsonObject all = new JsonObject();

  Report(Path dir) throws IOException {
    this.dir = dir;
    Path m = dir.resolve("meta.properties");
    if (Files.exists(m)) {
      try (Reader r = Files.newBufferedReader(m)) {
        meta.load(r);
      }
    }
    JsonObject metaJson = new JsonObject();
    meta.stringPropertyNames().stream().sorted().forEach(k -> metaJson.put(k, meta.getProperty(k)));
    all.put("meta", metaJson);
    JsonObject sc = new JsonObject();
    List<String> extra;
    try (var files = Files.list(dir)) {
      extra = files.map(f -> f.getFileName().toString()).filter(f -> f.matches("new-open-[0-9]+\\.json"))
          .map(f -> f.substring(0, f.length() - ".json".length()))
          .sorted(java.util.Comparator.comparingInt(f -> Integer.parseInt(f.substring("new-open-".length()))))
          .toList();
    }
    for (String name : ORDER) {
      names.add(name);
      if (name.equals("new-open")) {
        names.addAll(extra);
      }
    }
    for (String name : names) {
      Path p = dir.resolve(name + ".json");
      if (Files.exists(p)) {
        JsonObject o = new JsonObject(Files.readString(p));
        Path pg = dir.resolve("pg-" + name + ".properties");
        if (Files.exists(pg)) {
          Properties pp = new Properties();
          try (Reader r = Files.newBufferedReader(pg)) {
            pp.load(r);
          }
          JsonObject pj = new JsonObject();
          pp.stringPropertyNames().stream().sorted().forEach(k -> pj.put(k, Long.parseLong(pp.getProperty(k).trim())));
          o.put("postgres", pj);
        }
        sc.put(name, o);
      }
    }
    all.put("scenarios", sc);
  }

  JsonObject raw() {
    return all;
  }

  private JsonObject sc(String name) {
    return all.getJsonObject("scenarios").getJsonObject(name);
  }

  private static String f(double v) {
    if (v >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private double metaD(String k) {
    try {
      return Double.parseDouble(meta.getProperty(k, "NaN").trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# Bench run ").append(meta.getProperty("timestamp", "?")).append("\n\n");
    b.append("| | |\n|---|---|\n");
    for (String k : List.of("tag", "git_commit", "machine", "new_driver", "bench_db_settings", "java", "postgres", "redis", "service_jvm_opts",
        "service_env", "load_before", "load_after", "other_busy_processes")) {
      if (meta.getProperty(k) != null) {
        b.append("| ").append(k).append(" | ").append(meta.getProperty(k).replace("|", "/")).append(" |\n");
      }
    }
    b.append("\n## Scenarios\n\n");
    b.append("| scenario | mode | load | req/s | p50 ms | p99 ms | p99.9 ms | max ms | errors | statuses | server CPU % | server CPU ms/req | server RSS max MB | loadgen CPU % | machine CPU % | commits/req | checkpoints |\n");
    b.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String name : names) {
      JsonObject o = sc(name);
      if (o == null) {
        continue;
      }
      JsonObject st = o.getJsonObject("stats");
      JsonObject lat = st.getJsonObject("latencyMs");
      JsonObject srv = o.getJsonObject("server", new JsonObject());
      JsonObject pg = o.getJsonObject("postgres");
      String load = "closed".equals(o.getString("mode")) ? o.getInteger("connections") + " conns"
          : "open".equals(o.getString("mode")) ? f(o.getDouble("rate")) + " req/s (≤" + o.getInteger("connections") + " conns)"
          : o.getInteger("connections") + " at once";
      String commits = "";
      if (pg != null && st.getLong("completedAll", 0L) > 0) {
        commits = f((double) pg.getLong("xact_commit", 0L) / st.getLong("completedAll"));
      }
      b.append("| ").append(o.getString("label", name))
          .append(" | ").append(o.getString("mode"))
          .append(" | ").append(load)
          .append(" | ").append(f(st.getDouble("throughput")))
          .append(" | ").append(f(lat.getDouble("p50")))
          .append(" | ").append(f(lat.getDouble("p99")))
          .append(" | ").append(f(lat.getDouble("p999")))
          .append(" | ").append(f(lat.getDouble("max")))
          .append(" | ").append(st.getLong("errors"))
          .append(" | ").append(st.getJsonObject("statuses").encode().replace("\"", "").replace("|", "/"))
          .append(" | ").append(srv.getValue("cpuPct", ""))
          .append(" | ").append(srv.getDouble("cpuSeconds") == null || st.getLong("completedAll", 0L) == 0 ? ""
              : f(srv.getDouble("cpuSeconds") * 1000 / st.getLong("completedAll")))
          .append(" | ").append(srv.getValue("rssMaxMb", ""))
          .append(" | ").append(srv.getValue("loadgenCpuPct", ""))
          .append(" | ").append(srv.getValue("machineCpuPct", ""))
          .append(" | ").append(commits)
          .append(" | ").append(pg == null || pg.getValue("checkpoints") == null ? "" : pg.getValue("checkpoints"))
          .append(" |\n");
    }
    b.append("\nCPU % is of one core (the machine has 2: 200 % is all of it); machine CPU % counts every process (service, Postgres, Redis, load generator): near 200 % the machine, not the service, is the limit; CPU ms/req = the service's CPU time over the scenario (warm-up included) ÷ requests completed — robust against other load on the machine. commits/req = Δ`pg_stat_database.xact_commit`"
        + " of the bench database over the scenario ÷ requests completed (including warm-up); background workers add a few."
        + " checkpoints = Postgres checkpoints (timed or requested, the whole cluster) during the scenario and its warm-up:"
        + " after each one every page written first goes whole into the WAL, so a scenario that meets one pays more per"
        + " request, and its tail latency shows it.\n");

    JsonObject storm = sc("storm");
    if (storm != null) {
      JsonObject st = storm.getJsonObject("stats");
      b.append("\n## Hot-key storm\n\n");
      b.append("- requests: ").append(storm.getInteger("connections")).append(" concurrent, one Idempotency-Key\n");
      b.append("- statuses: ").append(st.getJsonObject("statuses").encode()).append("\n");
      b.append("- executions (2xx without `X-Idempotent-Replay`): **").append(storm.getLong("executions")).append("**; replays: ")
          .append(st.getLong("replayed")).append("; distinct conversionIds: ").append(storm.getLong("distinctConversionIds")).append("\n");
      b.append("- all finished after **").append(f(st.getDouble("windowS") * 1000)).append(" ms**\n");
    }

    Path waits = dir.resolve("pgwait-new.txt");
    if (Files.exists(waits)) {
      try {
        List<String> rows = Files.readAllLines(waits).stream().filter(l -> l.split("\\|").length == 3).toList();
        if (!rows.isEmpty()) {
          b.append("\n## What the service's Postgres backends did during (a)\n\n");
          b.append("Sampled from `pg_stat_activity` every 50 ms over the measured window (wait event when active, "
              + "`CPU` when active without one, else the connection state).\n\n| state / wait event | samples | % |\n|---|---:|---:|\n");
          for (String r : rows) {
            String[] c = r.split("\\|");
            b.append("| ").append(c[0]).append(" | ").append(c[1]).append(" | ").append(c[2]).append(" |\n");
          }
          all.put("pgWaitsNew", new io.vertx.core.json.JsonArray(rows));
        }
      } catch (IOException e) {
        b.append("\n(pg waits unreadable: ").append(e.getMessage()).append(")\n");
      }
    }

    Path prof = dir.resolve("profile-new.md");
    if (Files.exists(prof)) {
      try {
        b.append("\n## Service CPU profile during (a) (JFR, jdk.ExecutionSample)\n\n").append(Files.readString(prof));
      } catch (IOException e) {
        b.append("\n(profile unreadable)\n");
      }
    }

    b.append("\n## Ceilings and targets\n\n");
    double health = tp("health");
    double pgTps = metaD("pgbench_tps");
    b.append("- HTTP ceiling (`GET /health/live`, same tool and concurrency): ").append(f(health)).append(" req/s\n");
    b.append("- Postgres commit ceiling (`pgbench -N -c ").append(meta.getProperty("pgbench_clients", "32"))
        .append("`, scratch database): ").append(f(pgTps)).append(" TPS\n\n");
    for (String name : names) {
      Map<String, String> floor = floor(name);
      JsonObject o = sc(name);
      if (!floor.isEmpty() && o != null) {
        b.append("- Latency floor of ").append(o.getString("label", name)).append(" (`bench/floor.sql`: two single-row")
            .append(" INSERTs in a row, each its own durable commit, as a new conversion needs; `pgbench -R ")
            .append(meta.getProperty("floor_rate_" + name, "?")).append(" -c ")
            .append(meta.getProperty("floor_clients", "32")).append("`, open loop, same warm-up and window, the")
            .append(" service idle): p50 ").append(floor.getOrDefault("p50", "?")).append(" ms, **p99 ")
            .append(floor.getOrDefault("p99", "?")).append(" ms**, p99.9 ").append(floor.getOrDefault("p999", "?"))
            .append(" ms, max ").append(floor.getOrDefault("max", "?")).append(" ms (")
            .append(floor.getOrDefault("n", "?")).append(" runs); the service there: p99 ")
            .append(f(o.getJsonObject("stats").getJsonObject("latencyMs").getDouble("p99"))).append(" ms\n");
      }
    }
    b.append("\n");
    b.append("| target | measured | verdict |\n|---|---|---|\n");
    double nw = tp("new");
    // issue #15's targets: 0.33 × pgbench is the floor (0.5 the aim), p99 ≤ 10 ms at half the maximum
    row(b, "new conversions/s ≥ 0.33 × pgbench -N TPS (issue #15; aim 0.5)", f(nw) + " / " + f(pgTps) + " = "
        + f(nw / pgTps), nw / pgTps >= 0.33);
    double rp = tp("replay");
    row(b, "replays/s ≥ 0.6 × /health/live", f(rp) + " / " + f(health) + " = " + f(rp / health), rp / health >= 0.6);
    JsonObject open = sc("new-open");
    if (open != null) {
      double p99 = open.getJsonObject("stats").getJsonObject("latencyMs").getDouble("p99");
      Map<String, String> floor = floor("new-open");
      String floorNote = floor.isEmpty() ? "" : "; floor on this machine (Postgres alone, same rate): p99 "
          + floor.get("p99") + " ms";
      row(b, "p99 ≤ 10 ms for new conversions at half the max rate (open loop, issue #15)",
          "p99 " + f(p99) + " ms at " + f(open.getDouble("rate")) + " req/s" + floorNote, p99 <= 10
              && open.getJsonObject("stats").getLong("errors") == 0);
    }
    if (storm != null) {
      double ms = storm.getJsonObject("stats").getDouble("windowS") * 1000;
      row(b, "hot-key storm: one execution, finished within 1 s",
          storm.getLong("executions") + " execution(s), " + f(ms) + " ms", storm.getLong("executions") == 1 && ms <= 1000);
    }
    double rss = 0;
    for (String name : names) {
      JsonObject o = sc(name);
      if (o != null && o.getJsonObject("server", new JsonObject()).getDouble("rssMaxMb") != null) {
        rss = Math.max(rss, o.getJsonObject("server").getDouble("rssMaxMb"));
      }
    }
    row(b, "server RSS ≤ 512 MB under load", f(rss) + " MB (max over scenarios)", rss > 0 && rss <= 512);
    double start = metaD("startup_wall_ms");
    row(b, "start-up to ready ≤ 3 s (external Postgres)", f(start) + " ms to /health/ready 200 (log: ready in "
        + meta.getProperty("startup_log_ms", "?") + " ms)", start <= 3000);
    String blocked = meta.getProperty("blocked_thread_warnings");
    if (blocked != null) {
      b.append("\nBlocked-thread checker: ").append(meta.getProperty("blocked_thread_check", "")).append(" → **")
          .append(blocked).append("** (warnings in the service logs).\n");
    }
    JsonObject live = sc("live");
    if (live != null) {
      b.append("\nLive gateway: fake Graph API latency ").append(meta.getProperty("fake_graph_latency_ms", "?"))
          .append(" ms; events it accepted: ").append(meta.getProperty("fake_graph_accepted", "?")).append(".\n");
    }
    return b.toString();
  }

  /** run.sh's floor of scenario {@code name} (n=… p50=… p99=… p999=… max=…), empty when not measured. */
  private Map<String, String> floor(String name) {
    String line = meta.getProperty("floor_" + name, "").trim();
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String kv : line.split("\\s+")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        out.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    return out.isEmpty() || "0".equals(out.get("n")) ? Map.of() : out;
  }

  private double tp(String name) {
    JsonObject o = sc(name);
    return o == null ? Double.NaN : o.getJsonObject("stats").getDouble("throughput");
  }

  private static void row(StringBuilder b, String target, String measured, boolean ok) {
    b.append("| ").append(target).append(" | ").append(measured).append(" | ").append(ok ? "met" : "**missed**").append(" |\n");
  }
}
