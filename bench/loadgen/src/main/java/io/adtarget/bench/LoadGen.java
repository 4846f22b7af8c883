package io.adtarget.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Command-line entry of the load generator. Commands:
 * <pre>
 *   run          --scenario health|new|replay|dedup|live --mode closed|open [--conns 32] [--rate R]
 *                [--threads 1] [--warmup 2] [--duration 10] [--url http://127.0.0.1:8080]
 *                [--setup setup.json] [--keys keys.tsv] [--pid PID] [--label L] --out result.json
 *   wrk          --script bench/wrk/new.lua [--conns 32] [--warmup 2] [--duration 10] [--url …]
 *                --setup setup.json [--pid PID] [--label L] --out result.json   ((a) driven by wrk, same JSON)
 *   storm        --n 500 [--threads 1] --setup setup.json [--pid PID] --out storm.json
 *   prepare-keys --n 2000 [--conns 32] --setup setup.json --out keys.tsv
 *   provision    --url URL --admin-token T --out setup.json
 *   fake-graph   --port P [--latency-ms 100] [--max-seconds 3600]
 *   serve        --port P [--max-seconds 600]       (trivial HTTP target for self-tests)
 *   report       --dir RUN_DIR --md out.md --json out.json
 *   jfr-top      --file rec.jfr [--top 20] [--out top.md]   (CPU profile summary of a JFR recording)
 * </pre>
 * Targets must be on the loopback interface: the load generator refuses any other host.
 */
public final class LoadGen {

  private LoadGen() {
  }

  public static void main(String[] argv) throws Exception {
    if (argv.length == 0 && "1".equals(System.getenv("LOADGEN_STUB_SERVICE"))) {
      StubService.main();
      return;
    }
    if (argv.length == 0) {
      System.err.println("usage: loadgen run|storm|prepare-keys|provision|fake-graph|serve|report [--opt value]...");
      System.exit(2);
    }
    Map<String, String> a = parse(argv);
    switch (argv[0]) {
      case "run" -> run(a);
      case "wrk" -> wrk(a);
      case "storm" -> storm(a);
      case "prepare-keys" -> prepareKeys(a);
      case "provision" -> provision(a);
      case "fake-graph" -> fakeGraph(a);
      case "serve" -> serve(a);
      case "report" -> report(a);
      case "free-port" -> {
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
          System.out.println(ss.getLocalPort());
        }
      }
      case "jfr-top" -> {
        String md = JfrTop.report(Path.of(a.get("file")), i(a, "top", 20));
        if (a.containsKey("out")) {
          Files.writeString(Path.of(a.get("out")), md);
        }
        System.out.println(md);
      }
      default -> {
        System.err.println("unknown command " + argv[0]);
        System.exit(2);
      }
    }
    System.exit(0);
  }

  static Map<String, String> parse(String[] argv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 1; i < argv.length; i++) {
      if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
        throw new IllegalArgumentException("expected --name value at " + argv[i]);
      }
      m.put(argv[i].substring(2), argv[++i]);
    }
    return m;
  }

  static URI target(Map<String, String> a) {
    URI u = URI.create(a.getOrDefault("url", "http://127.0.0.1:8080"));
    String h = u.getHost();
    if (!("127.0.0.1".equals(h) || "localhost".equals(h) || "::1".equals(h) || "[::1]".equals(h))) {
      throw new IllegalArgumentException("loads go to the loopback interface only, not " + h);
    }
    return u;
  }

  static int i(Map<String, String> a, String k, int d) {
    return a.containsKey(k) ? Integer.parseInt(a.get(k)) : d;
  }

  static long pid(Map<String, String> a) {
    return Long.parseLong(a.getOrDefault("pid", "0"));
  }

  /**
   * Scenario (a), closed loop, driven by wrk (bench/wrk/new.lua): a C client at ~0.04 ms of CPU per request
   * where this generator spends ~0.4, on the cores it shares with the service and Postgres (pgbench's own client
   * is C too). A warm-up run, then the measured run, both inside one sampling window as in {@link #run}; the
   * JSON is that of {@code run}. wrk's CPU counts as the load generator's (its reaped child).
   */
  static void wrk(Map<String, String> a) throws IOException, InterruptedException {
    URI u = target(a);
    int conns = i(a, "conns", 32);
    double warmup = Double.parseDouble(a.getOrDefault("warmup", "2"));
    double duration = Double.parseDouble(a.getOrDefault("duration", "10"));
    Sources.Setup setup = Sources.Setup.read(Path.of(a.get("setup")));
    String script = a.get("script");
    JsonObject warm = new JsonObject().put("requests", 0L);
    JsonObject measured;
    ProcSampler ps = new ProcSampler(pid(a));
    try (ps) {
      if (warmup >= 1) {
        warm = runWrk(u, conns, warmup, script, setup);
      }
      measured = runWrk(u, conns, duration, script, setup);
    }
    long requests = measured.getLong("requests");
    double windowS = measured.getLong("durationUs") / 1e6;
    JsonObject statuses = new JsonObject();
    for (String k : List.of("200", "201", "4xx", "5xx")) {
      long c = measured.getLong("s" + k, 0L);
      if (c > 0) {
        statuses.put(k, c);
      }
    }
    long transport = measured.getLong("errConnect") + measured.getLong("errRead") + measured.getLong("errWrite")
        + measured.getLong("errTimeout");
    if (transport > 0) {
      statuses.put("io", transport);
    }
    JsonObject stats = new JsonObject()
        .put("completed", requests)
        .put("completedAll", requests + warm.getLong("requests"))
        .put("windowS", Math.round(windowS * 1000) / 1000.0)
        .put("throughput", Math.round(requests / windowS * 10) / 10.0)
        .put("latencyMs", new JsonObject()
            .put("p50", measured.getLong("p50") / 1000.0).put("p90", measured.getLong("p90") / 1000.0)
            .put("p99", measured.getLong("p99") / 1000.0).put("p999", measured.getLong("p999") / 1000.0)
            .put("max", measured.getLong("max") / 1000.0)
            .put("mean", Math.round(measured.getDouble("mean") / 10.0) / 100.0))
        .put("statuses", statuses)
        .put("errors", requests - measured.getLong("s201", 0L) + transport)
        .put("replayed", 0).put("deduplicated", 0).put("dropped", 0);
    JsonObject out = new JsonObject().put("scenario", a.getOrDefault("name", "new"))
        .put("label", a.getOrDefault("label", "(a) new conversions (wrk)")).put("mode", "closed")
        .put("driver", "wrk").put("connections", conns).put("rate", 0.0).put("threads", 1)
        .put("warmupS", warmup).put("durationS", duration)
        .put("stats", stats).put("server", ps.toJson());
    write(a, out);
  }

  /** One wrk run of {@code seconds}; the counts and latencies (µs) its script prints at the end. */
  static JsonObject runWrk(URI u, int conns, double seconds, String script, Sources.Setup setup)
      throws IOException, InterruptedException {
    List<String> cmd = List.of("wrk", "-t1", "-c" + conns, "-d" + Math.max(1, Math.round(seconds)) + "s",
        "--timeout", "15s", "-s", script, u.toString(), "--", setup.apiKey(), setup.channelId(),
        Long.toString(Sources.runBase()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    int rc = p.waitFor();
    String line = out.lines().filter(l -> l.startsWith("WRKJSON ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("wrk printed no result (exit " + rc + "): " + out));
    return new JsonObject(line.substring("WRKJSON ".length()));
  }

  static void run(Map<String, String> a) throws IOException {
    URI u = target(a);
    String scenario = a.get("scenario");
    String mode = a.getOrDefault("mode", "closed");
    int threads = i(a, "threads", 1);
    int conns = i(a, "conns", 32);
    long warmupMs = (long) (Double.parseDouble(a.getOrDefault("warmup", "2")) * 1000);
    long durationMs = (long) (Double.parseDouble(a.getOrDefault("duration", "10")) * 1000);
    double rate = Double.parseDouble(a.getOrDefault("rate", "0"));
    Engine.Source src;
    Expect expect;
    switch (scenario) {
      case "health" -> {
        src = Sources.get("/health/live");
        expect = Expect.of(200);
      }
      case "new", "live" -> {
        src = Sources.fresh(Sources.Setup.read(Path.of(a.get("setup"))), "bench-" + scenario, 0);
        expect = Expect.of(201);
      }
      case "replay" -> {
        src = Sources.replay(Sources.Setup.read(Path.of(a.get("setup"))), Path.of(a.get("keys")));
        expect = Expect.of(201);
      }
      case "dedup" -> {
        src = Sources.oneMatchKey(Sources.Setup.read(Path.of(a.get("setup"))));
        expect = Expect.of(200, 201).parsingBodies();
      }
      default -> throw new IllegalArgumentException("unknown scenario " + scenario);
    }
    Stats st;
    JsonObject server;
    try (Engine e = new Engine(u.getHost(), u.getPort(), threads, 15_000)) {
      ProcSampler ps = new ProcSampler(pid(a));
      try (ps) {
        st = "open".equals(mode)
            ? e.runOpen(threads, conns, rate, src, warmupMs, durationMs, expect)
            : e.runClosed(threads, conns, src, warmupMs, durationMs, expect);
      }
      server = ps.toJson();
    }
    JsonObject out = new JsonObject().put("scenario", a.getOrDefault("name", scenario))
        .put("label", a.getOrDefault("label", scenario)).put("mode", mode)
        .put("connections", conns).put("rate", rate).put("threads", threads)
        .put("warmupS", warmupMs / 1000.0).put("durationS", durationMs / 1000.0)
        .put("stats", st.toJson()).put("server", server);
    write(a, out);
  }

  static void storm(Map<String, String> a) throws IOException {
    URI u = target(a);
    int n = i(a, "n", 500);
    int threads = i(a, "threads", 1);
    Sources.Setup setup = Sources.Setup.read(Path.of(a.get("setup")));
    Stats st;
    JsonObject server;
    try (Engine e = new Engine(u.getHost(), u.getPort(), threads, 15_000)) {
      Engine.Source src = Sources.oneKey(setup);
      ProcSampler ps;
      // the sampler starts after the connections are open: runBurst opens them first
      ps = new ProcSampler(pid(a));
      try (ps) {
        st = e.runBurst(threads, n, Sources.get("/health/live"), src, Expect.of(200, 201).parsingBodies());
      }
      server = ps.toJson();
    }
    long ok = st.statuses.entrySet().stream().filter(en -> en.getKey().startsWith("2"))
        .mapToLong(Map.Entry::getValue).sum();
    JsonObject out = new JsonObject().put("scenario", "storm").put("label", a.getOrDefault("label", "storm"))
        .put("mode", "burst").put("connections", n).put("threads", threads)
        .put("executions", ok - st.replayed).put("distinctConversionIds", st.conversionIds.size())
        .put("stats", st.toJson()).put("server", server);
    write(a, out);
  }

  static void prepareKeys(Map<String, String> a) throws IOException {
    URI u = target(a);
    int n = i(a, "n", 2000);
    Sources.Setup setup = Sources.Setup.read(Path.of(a.get("setup")));
    ConcurrentLinkedQueue<String> ok = new ConcurrentLinkedQueue<>();
    Expect expect = Expect.of(201).withListener((req, resp) -> {
      if (resp.statusCode() == 201) {
        long user = new JsonObject(req.body()).getLong("telegramUserId");
        ok.add(req.headers().get("Idempotency-Key") + "\t" + user);
      }
    });
    Stats st;
    try (Engine e = new Engine(u.getHost(), u.getPort(), 1, 15_000)) {
      st = e.runClosed(1, i(a, "conns", 32), Sources.fresh(setup, "bench-replay", n), 0, 0, expect);
    }
    Files.write(Path.of(a.get("out")), ok);
    System.out.printf("prepared %d of %d keys (%s)%n", ok.size(), n, st.statuses);
    if (ok.size() < n / 2) {
      System.exit(1);
    }
  }

  static void provision(Map<String, String> a) throws IOException {
    Vertx v = Vertx.vertx();
    try {
      JsonObject o = Provision.run(v, a.getOrDefault("url", "http://127.0.0.1:8080"), a.get("admin-token"),
          a.getOrDefault("pixel", "123456789012345"));
      Files.writeString(Path.of(a.get("out")), o.encodePrettily());
      System.out.println("provisioned account " + o.getString("accountId") + ", site " + o.getString("siteId"));
    } finally {
      Engine.await(v.close(), 10, TimeUnit.SECONDS);
    }
  }

  static void fakeGraph(Map<String, String> a) throws InterruptedException {
    Vertx v = Vertx.vertx();
    FakeGraph g = new FakeGraph();
    int port = i(a, "port", 0);
    int bound = Engine.await(g.start(v, port, Long.parseLong(a.getOrDefault("latency-ms", "100"))), 10,
        TimeUnit.SECONDS).actualPort();
    System.out.println("fake graph listening on 127.0.0.1:" + bound);
    Thread.sleep(TimeUnit.SECONDS.toMillis(Long.parseLong(a.getOrDefault("max-seconds", "3600"))));
    System.out.println("fake graph: time is up, accepted " + g.accepted.get());
  }

  static void serve(Map<String, String> a) throws InterruptedException {
    Vertx v = Vertx.vertx();
    int port = i(a, "port", 18998);
    Engine.await(v.createHttpServer().requestHandler(r -> r.body().onComplete(b -> r.response()
        .setStatusCode("POST".equals(r.method().name()) ? 201 : 200)
        .putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}")))
        .listen(port, "127.0.0.1"), 10, TimeUnit.SECONDS);
    System.out.println("serving on 127.0.0.1:" + port);
    Thread.sleep(TimeUnit.SECONDS.toMillis(Long.parseLong(a.getOrDefault("max-seconds", "600"))));
  }

  static void report(Map<String, String> a) throws IOException {
    Report r = new Report(Path.of(a.get("dir")));
    String md = r.markdown();
    if (a.containsKey("md")) {
      Files.writeString(Path.of(a.get("md")), md);
    }
    if (a.containsKey("json")) {
      Files.writeString(Path.of(a.get("json")), r.raw().encodePrettily());
    }
    System.out.println(md);
  }

  static void write(Map<String, String> a, JsonObject out) throws IOException {
    if (a.containsKey("out")) {
      Files.writeString(Path.of(a.get("out")), out.encodePrettily());
    }
    JsonObject st = out.getJsonObject("stats");
    System.out.printf("%-10s %8.1f req/s  p50 %6.2f  p99 %7.2f  p99.9 %7.2f ms  errors %d  %s  server %s%n",
        out.getString("label"), st.getDouble("throughput"), st.getJsonObject("latencyMs").getDouble("p50"),
        st.getJsonObject("latencyMs").getDouble("p99"), st.getJsonObject("latencyMs").getDouble("p999"),
        st.getLong("errors"), st.getJsonObject("statuses").encode(), out.getJsonObject("server").encode());
  }

  static Set<String> scenarios() {
    return Set.of("health", "new", "replay", "dedup", "live");
  }
}
