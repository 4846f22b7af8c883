package io.adtarget.bench;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples a process's resident set (VmRSS of /proc/PID/status) every 100 ms and its CPU time
 * (utime+stime of /proc/PID/stat, in clock ticks of 1/100 s) at start and stop. Also samples this
 * load generator itself, since both share the machine's two cores.
 */
final class ProcSampler implements AutoCloseable {
  private static final double TICKS_PER_S = 100.0; // getconf CLK_TCK on Linux x86_64

  private final long pid;
  private final Thread thread;
  private volatile boolean running = true;
  private long rssMaxKb;
  private long rssSumKb;
  private long samples;
  private final long t0;
  private final long cpu0;
  private final long self0;
  private long t1;
  private long cpu1;
  private long self1;
  private final long[] machine0;
  private long[] machine1;

  ProcSampler(long pid) {
    this.pid = pid;
    this.t0 = System.nanoTime();
    this.cpu0 = cpuTicks(pid);
    this.self0 = selfTicks();
    this.machine0 = machineTicks();
    this.thread = new Thread(this::loop, "proc-sampler");
    this.thread.setDaemon(true);
    if (pid > 0) {
      thread.start();
    }
  }

  private void loop() {
    while (running) {
      long kb = rssKb(pid);
      if (kb > 0) {
        synchronized (this) {
          rssMaxKb = Math.max(rssMaxKb, kb);
          rssSumKb += kb;
          samples++;
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    t1 = System.nanoTime();
    cpu1 = cpuTicks(pid);
    self1 = selfTicks();
    machine1 = machineTicks();
    thread.interrupt();
  }

  synchronized JsonObject toJson() {
    double secs = (t1 - t0) / 1e9;
    JsonObject o = new JsonObject().put("pid", pid);
    if (pid > 0 && cpu0 >= 0 && cpu1 >= 0) {
      o.put("cpuPct", Math.round((cpu1 - cpu0) / TICKS_PER_S / secs * 1000) / 10.0);
      o.put("cpuSeconds", (cpu1 - cpu0) / TICKS_PER_S);
    }
    if (samples > 0) {
      o.put("rssMaxMb", Math.round(rssMaxKb / 102.4) / 10.0);
      o.put("rssAvgMb", Math.round(rssSumKb / samples / 102.4) / 10.0);
    }
    o.put("loadgenCpuPct", Math.round((self1 - self0) / TICKS_PER_S / secs * 1000) / 10.0);
    if (machine0 != null && machine1 != null && machine1[1] > machine0[1]) {
      // every process of the machine (service, Postgres, Redis, this load generator, anything
      // else): busy share of all cores, in % of one core like the others (200 % = both cores)
      double busy = (double) (machine1[0] - machine0[0]) / (machine1[1] - machine0[1]);
      o.put("machineCpuPct", Math.round(busy * Runtime.getRuntime().availableProcessors() * 1000) / 10.0);
    }
    return o;
  }

  static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** {busy, total} clock ticks of all cores since boot, from the first line of /proc/stat. */
  static long[] machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * This load generator's CPU, including the children it has waited for (utime + stime + cutime + cstime):
   * when it drives the load through wrk, wrk's CPU is the load generator's.
   */
  static long selfTicks() {
    try {
      String s = Files.readString(Path.of("/proc/self/stat"));
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static long cpuTicks(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // the command name (field 2) may contain spaces: split after its closing parenthesis
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      // f[0] is field 3 (state): utime is field 14, stime field 15
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
