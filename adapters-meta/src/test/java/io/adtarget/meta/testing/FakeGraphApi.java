package io.adtarget.meta.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A stand-in for Meta's Graph API on a local port: records every request, answers scripted
 * {@link FakeGraphReply replies} in order (then the default, which accepts), and counts accepted event_ids.
 */
public final class FakeGraphApi {
    private static final Pattern EVENTS_PATH = Pattern.compile("^/v[0-9]+\\.[0-9]+/[0-9]{1,20}/events$");

    private final Vertx vertx;
    private final Queue<FakeGraphReply> script = new ConcurrentLinkedQueue<>();
    private final List<ReceivedGraphRequest> received = new CopyOnWriteArrayList<>();
    private final List<String> acceptedEventIds = new CopyOnWriteArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final AtomicLong traces = new AtomicLong();
    private volatile FakeGraphReply fallback = FakeGraphReply.accept();
    private volatile String requiredToken;
    private volatile Function<ReceivedGraphRequest, FakeGraphReply> chooser;
    private HttpServer server;

    private record Waiter(int count, Promise<List<ReceivedGraphRequest>> promise) {
    }

    private FakeGraphApi(Vertx vertx) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
    }

    public static FakeGraphApi create(Vertx vertx) {
        return new FakeGraphApi(vertx);
    }

    /** Listens on a free port of localhost. */
    public Future<FakeGraphApi> start() {
        return vertx.createHttpServer().requestHandler(this::handle).listen(0, "localhost").map(started -> {
            server = started;
            return this;
        });
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    public int port() {
        return server.actualPort();
    }

    /** The value for META_GRAPH_URL. */
    public String url() {
        return "http://localhost:" + port();
    }

    /** Answers the next requests with these replies, in order; afterwards the default applies again. */
    public FakeGraphApi enqueue(FakeGraphReply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The reply for every request once the script is used up (initially {@link FakeGraphReply#accept()}). */
    public FakeGraphApi answerByDefault(FakeGraphReply reply) {
        fallback = Objects.requireNonNull(reply, "reply");
        return this;
    }

    /**
     * Decides the reply of every request once the script is used up, instead of the default (a
     * scripted storm of mixed answers); {@code null} returns to the default.
     */
    public FakeGraphApi answerWith(Function<ReceivedGraphRequest, FakeGraphReply> chooser) {
        this.chooser = chooser;
        return this;
    }

    /** Any other access_token gets Meta's 400 with code 190, as a wrong or expired token does. */
    public FakeGraphApi requireToken(String token) {
        requiredToken = token;
        return this;
    }

    public List<ReceivedGraphRequest> requests() {
        return List.copyOf(received);
    }

    /** Every event_id of every request this fake accepted, repeats included. */
    public List<String> acceptedEventIds() {
        return List.copyOf(acceptedEventIds);
    }

    public long acceptedCount(String eventId) {
        return acceptedEventIds.stream().filter(eventId::equals).count();
    }

    /** Completes once at least {@code count} requests have arrived. */
    public synchronized Future<List<ReceivedGraphRequest>> requestsReceived(int count) {
        Promise<List<ReceivedGraphRequest>> promise = Promise.promise();
        waiters.add(new Waiter(count, promise));
        wakeWaiters();
        return promise.future();
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            ReceivedGraphRequest record = record(request, body);
            synchronized (this) {
                received.add(record);
                wakeWaiters();
            }
            FakeGraphReply reply = choose(record);
            if (reply.delay().isZero() || reply.kind() == FakeGraphReply.Kind.TRICKLE) {
                answer(request, record, reply);
            } else {
                vertx.setTimer(reply.delay().toMillis(), id -> answer(request, record, reply));
            }
        });
    }

    private FakeGraphReply choose(ReceivedGraphRequest record) {
        if (!"POST".equals(record.method()) || !EVENTS_PATH.matcher(record.path()).matches()) {
            return FakeGraphReply.metaError(400, 100, 33, false, "Unsupported post request.");
        }
        if (requiredToken != null && !requiredToken.equals(record.accessToken())) {
            return FakeGraphReply.metaError(400, 190, 463, false, "Error validating access token.");
        }
        FakeGraphReply next = script.poll();
        if (next != null) {
            return next;
        }
        Function<ReceivedGraphRequest, FakeGraphReply> decide = chooser;
        return decide != null ? decide.apply(record) : fallback;
    }

    private void answer(HttpServerRequest request, ReceivedGraphRequest record, FakeGraphReply reply) {
        switch (reply.kind()) {
            case HANG -> {
            }
            case DROP_MID_RESPONSE -> request.response()
                    .putHeader("Content-Type", reply.contentType())
                    .putHeader("Content-Length", "200")
                    .write(reply.body())
                    .onComplete(written -> request.connection().close());
            case RESPOND -> respond(request, record, reply);
            case TRICKLE -> trickle(request, reply);
        }
    }

    private void respond(HttpServerRequest request, ReceivedGraphRequest record, FakeGraphReply reply) {
        String body = reply.body();
        if (body == null) {
            JsonArray data = record.json() == null ? null : record.json().getJsonArray("data");
            if (data == null || data.isEmpty()) {
                reply = FakeGraphReply.metaError(400, 100, null, false, "Invalid parameter");
                body = reply.body();
            } else {
                data.forEach(event -> acceptedEventIds.add(((JsonObject) event).getString("event_id")));
                body = new JsonObject().put("events_received", data.size()).put("messages", new JsonArray())
                        .put("fbtrace_id", "fake-trace-" + traces.incrementAndGet()).encode();
            }
        }
        var response = request.response().setStatusCode(reply.status());
        reply.headers().forEach(response::putHeader);
        if (reply.contentType() != null) {
            response.putHeader("Content-Type", reply.contentType());
        }
        response.end(body);
    }

    private void trickle(HttpServerRequest request, FakeGraphReply reply) {
        var response = request.response().setChunked(true).putHeader("Content-Type", reply.contentType());
        long timer = vertx.setPeriodic(reply.delay().toMillis(), id -> response.write(reply.body()));
        response.closeHandler(closed -> vertx.cancelTimer(timer));
        response.write("{");
    }

    private static ReceivedGraphRequest record(HttpServerRequest request, Buffer body) {
        Map<String, String> query = new LinkedHashMap<>();
        request.params().forEach(entry -> query.putIfAbsent(entry.getKey(), entry.getValue()));
        JsonObject json;
        try {
            json = body.length() == 0 ? null : new JsonObject(body);
        } catch (RuntimeException notJsonObject) {
            json = null;
        }
        return new ReceivedGraphRequest(request.method().name(), request.path(), Map.copyOf(query),
                request.getHeader("Content-Type"), body.toString(), json);
    }

    private void wakeWaiters() {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (received.size() >= waiter.count()) {
                it.remove();
                waiter.promise().complete(List.copyOf(received));
            }
        }
    }
}
