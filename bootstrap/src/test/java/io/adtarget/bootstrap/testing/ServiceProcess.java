package io.adtarget.bootstrap.testing;

import io.adtarget.bootstrap.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The service's {@link Main} in a child JVM with the test classpath: real signals, real exit codes, real stdout. */
public final class ServiceProcess implements AutoCloseable {
    private static final List<String> SMALL_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> errorLines = new CopyOnWriteArrayList<>();
    private final Writer copy;
    private final Thread reader;

    private ServiceProcess(Process process, Writer copy, boolean separateStderr) {
        this.process = process;
        this.copy = copy;
        this.reader = new Thread(this::drain, "service-output");
        reader.setDaemon(true);
        reader.start();
        if (separateStderr) {
            Thread errors = new Thread(this::drainErrors, "service-errors");
            errors.setDaemon(true);
            errors.start();
        }
    }

    /** Like {@link #start(Map)}, but stderr is kept apart: {@link #lines()} is stdout alone, {@link #errorLines()} stderr. */
    public static ServiceProcess startSeparatingStderr(Map<String, String> env) throws IOException {
        return launch(List.of(), env, null, true);
    }

    /** Starts the JVM with exactly {@code env} (nothing inherited) and returns at once. */
    public static ServiceProcess start(Map<String, String> env) throws IOException {
        return launch(List.of(), env, null, false);
    }

    /** Starts the JVM with exactly {@code env} and these command-line arguments, and returns at once. */
    public static ServiceProcess start(Map<String, String> env, String... args) throws IOException {
        return launch(List.of(), env, null, false, args);
    }

    /**
     * Starts a small JVM that inherits only PATH and HOME besides {@code env}, its output also in
     * {@code target/service-<name>.log}, and waits until /health/live on {@code HTTP_PORT} answers 200
     * (or the process dies, or 60 s pass).
     */
    public static ServiceProcess startLive(Map<String, String> env, String name) {
        Map<String, String> childEnv = new HashMap<>();
        for (String inherited : List.of("PATH", "HOME")) {
            if (System.getenv(inherited) != null) {
                childEnv.put(inherited, System.getenv(inherited));
            }
        }
        childEnv.putAll(env);
        ServiceProcess service;
        try {
            service = launch(SMALL_JVM, childEnv, Path.of("target", "service-" + name + ".log"), false);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the service JVM", e);
        }
        try {
            service.awaitLive(Integer.parseInt(env.get("HTTP_PORT")), Duration.ofSeconds(60));
        } catch (RuntimeException | Error e) {
            service.close();
            throw e;
        }
        return service;
    }

    private static ServiceProcess launch(List<String> jvmOptions, Map<String, String> env, Path log,
            boolean separateStderr, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        // The test classpath holds several modules' logback-test.xml; keep Logback's own status chatter
        // (which a packaged jar never prints) out of the output the tests read.
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener", Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(!separateStderr);
        builder.environment().clear();
        builder.environment().putAll(env);
        Writer copy = log == null ? Writer.nullWriter() : Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        return new ServiceProcess(builder.start(), copy, separateStderr);
    }

    /** A port nothing listens on right now (for a service that must keep its port across a restart). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private void drain() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)); Writer out = copy) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                out.write(line + "\n");
                out.flush();
            }
        } catch (IOException ignored) {
            // the process went away; what it printed so far is kept
        }
    }

    private void drainErrors() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                errorLines.add(line);
            }
        } catch (IOException ignored) {
            // the process went away; what it printed so far is kept
        }
    }

    /** What the process wrote to stderr, when started with {@link #startSeparatingStderr(Map)}. */
    public List<String> errorLines() {
        return List.copyOf(errorLines);
    }

    private void awaitLive(int port, Duration deadline) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest live = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
                .timeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + deadline.toNanos();
        try {
            while (System.nanoTime() < end) {
                if (!process.isAlive()) {
                    throw new AssertionError("the service JVM exited with " + process.exitValue() + ":\n" + logTail());
                }
                try {
                    if (http.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        throw new AssertionError("the service JVM was not live within " + deadline + ":\n" + logTail());
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

    private String logTail() {
        List<String> all = lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
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

    /** SIGKILL: no shutdown hook, no drain, no commit of anything in flight; returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
