package io.adtarget.bootstrap.storms;

import io.adtarget.bootstrap.testing.Figures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A load generator on 127.0.0.1 only: one request per call, all in flight at once up to the pool
 * size, each answer recorded with its latency. Every request carries a client deadline (10 s unless
 * given), so a hang on the server side shows up as a failure instead of blocking the test.
 */
final class Load implements AutoCloseable {
    static final String CONVERSIONS = "/api/v1/events/conversion";
    private final Vertx vertx = Vertx.vertx();
    private final WebClient client;
    private final long deadlineMillis;

    Load(int connections) {
        this(connections, java.time.Duration.ofSeconds(10));
    }

    Load(int connections, java.time.Duration deadline) {
        deadlineMillis = deadline.toMillis();
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2000).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(100_000));
    }

    /** One conversion POST; {@code idempotencyKey} may be null. */
    record Post(int port, String apiKey, String idempotencyKey, JsonObject body) {
    }

    Future<Answer> post(int index, Post post) {
        HttpRequest<Buffer> request = client.request(HttpMethod.POST, post.port(), "127.0.0.1", CONVERSIONS)
                .putHeader("Authorization", "Bearer " + post.apiKey()).timeout(deadlineMillis);
        if (post.idempotencyKey() != null) {
            request.putHeader("Idempotency-Key", post.idempotencyKey());
        }
        long started = System.nanoTime();
        return request.sendJsonObject(post.body()).transform(done -> {
            long latency = System.nanoTime() - started;
            if (done.failed()) {
                return Future.succeededFuture(new Answer(index, 0, Map.of(), null, latency, done.cause()));
            }
            Map<String, String> headers = new HashMap<>();
            done.result().headers().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
            Buffer body = done.result().body();
            return Future.succeededFuture(new Answer(index, done.result().statusCode(), Map.copyOf(headers),
                    body == null ? new byte[0] : body.getBytes(), latency, null));
        });
    }

    /** Fires every post at once and waits for all answers (each bounded by the client deadline). */
    List<Answer> burst(List<Post> posts) {
        List<Future<Answer>> pending = new ArrayList<>(posts.size());
        for (int i = 0; i < posts.size(); i++) {
            pending.add(post(i, posts.get(i)));
        }
        Future.join(pending).await();
        return pending.stream().map(Future::result).toList();
    }

    /** Blocking GET with the API key; the answer as JSON (status checked by the caller through {@link Answer}). */
    Answer get(int port, String apiKey, String path) {
        long started = System.nanoTime();
        var response = client.request(HttpMethod.GET, port, "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + apiKey).timeout(10_000).send().await();
        Map<String, String> headers = new HashMap<>();
        response.headers().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        return new Answer(-1, response.statusCode(), headers,
                response.body() == null ? new byte[0] : response.body().getBytes(), System.nanoTime() - started, null);
    }

    /** Blocking JSON call (admin set-up) that must answer {@code expected}; the JSON body. */
    JsonObject call(HttpMethod method, int port, String path, String bearer, JsonObject body, int expected) {
        HttpRequest<Buffer> request = client.request(method, port, "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + bearer).timeout(10_000);
        var response = (body == null ? request.send() : request.sendJsonObject(body)).await();
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.bodyAsString());
        }
        return response.body() == null || response.body().length() == 0 ? null : response.bodyAsJsonObject();
    }

    static long p99Millis(List<Answer> answers) {
        return Figures.percentileNanos(answers.stream().map(Answer::latencyNanos).toList(), 99) / 1_000_000;
    }

    @Override
    public void close() {
        client.close();
        vertx.close().await();
    }
}
