package io.adtarget.bootstrap.process;

import io.adtarget.bootstrap.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The service's {@link Main} in a child JVM with the test classpath: real signals, real exit codes, real stdout. */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ServiceProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::drain, "service-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ServiceProcess start(Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The test classpath holds several modules' logback-test.xml; keep Logback's own status chatter
        // (which a packaged jar never prints) out of the output the tests read.
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                Main.class.getName()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        return new ServiceProcess(builder.start());
    }

    private void drain() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the process went away; what it printed so far is kept
        }
    }

    /** Waits until a line containing {@code text} was printed; false when the process ended or time ran out. */
    public boolean awaitLine(String text, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < end) {
            if (lines.stream().anyMatch(line -> line.contains(text))) {
                return true;
            }
            if (!process.isAlive() && !reader.isAlive()) {
                return lines.stream().anyMatch(line -> line.contains(text));
            }
            Thread.sleep(20);
        }
        return false;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, then waits for the exit code (and keeps reading what the service prints meanwhile). */
    public int terminate(long timeoutMillis) throws InterruptedException {
        // Process.destroy() would also close our end of the output pipe; the handle only sends the signal.
        process.toHandle().destroy();
        return waitFor(timeoutMillis);
    }

    public int waitFor(long timeoutMillis) throws InterruptedException {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("service process did not exit within " + timeoutMillis + " ms");
        }
        reader.join(2000);
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
