package io.adtarget.bootstrap.storms;

import io.adtarget.meta.testing.FakeGraphReply;
import io.adtarget.meta.testing.ReceivedGraphRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A seeded mix of the ways Meta misbehaves, as a reply chooser for the fake Graph API; remembers
 * which reply each event_id got, in order, so the outcome of every conversion can be explained.
 */
final class MetaStorm implements Function<ReceivedGraphRequest, FakeGraphReply> {

    /** One way of answering, with its weight in the mix. */
    enum Kind {
        ACCEPT(40), SERVER_500(9), HTML_502(9), RATE_LIMIT_17(4), RATE_LIMIT_613(3), HTTP_429(3), AUTH_190(3),
        HANG(5), LATE_ACCEPT(4), SLOW_500(4), DROP(8), TRICKLE(4);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    private final Random random;
    private final Duration pastDeadline;
    private final Map<String, List<Kind>> repliesByEventId = new ConcurrentHashMap<>();
    private final Map<Kind, Integer> counts = Collections.synchronizedMap(new EnumMap<>(Kind.class));

    MetaStorm(long seed, Duration pastDeadline) {
        this.random = new Random(seed);
        this.pastDeadline = pastDeadline;
    }

    @Override
    public FakeGraphReply apply(ReceivedGraphRequest request) {
        Kind kind = pick();
        String eventId = request.json().getJsonArray("data").getJsonObject(0).getString("event_id");
        repliesByEventId.computeIfAbsent(eventId, id -> Collections.synchronizedList(new ArrayList<>())).add(kind);
        counts.merge(kind, 1, Integer::sum);
        return reply(kind);
    }

    private synchronized Kind pick() {
        int total = 0;
        for (Kind kind : Kind.values()) {
            total += kind.weight;
        }
        int roll = random.nextInt(total);
        for (Kind kind : Kind.values()) {
            roll -= kind.weight;
            if (roll < 0) {
                return kind;
            }
        }
        throw new AssertionError();
    }

    private FakeGraphReply reply(Kind kind) {
        return switch (kind) {
            case ACCEPT -> FakeGraphReply.accept();
            case SERVER_500 -> FakeGraphReply.metaError(500, 2, null, true, "An unexpected error has occurred.");
            case HTML_502 -> FakeGraphReply.status(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
            case RATE_LIMIT_17 -> FakeGraphReply.metaError(400, 17, 2446079, true, "User request limit reached");
            case RATE_LIMIT_613 -> FakeGraphReply.metaError(400, 613, null, true, "Calls to this api have exceeded the rate limit.");
            case HTTP_429 -> FakeGraphReply.status(429, "text/plain", "Too Many Requests");
            case AUTH_190 -> FakeGraphReply.metaError(400, 190, 463, false, "Error validating access token.");
            case HANG -> FakeGraphReply.hang();
            case LATE_ACCEPT -> FakeGraphReply.accept().after(pastDeadline);
            case SLOW_500 -> FakeGraphReply.metaError(500, 2, null, true, "slow failure").after(pastDeadline);
            case DROP -> FakeGraphReply.dropMidResponse();
            case TRICKLE -> FakeGraphReply.trickle(Duration.ofMillis(50));
        };
    }

    List<Kind> repliesFor(String eventId) {
        List<Kind> replies = repliesByEventId.get(eventId);
        return replies == null ? List.of() : List.copyOf(replies);
    }

    Map<Kind, Integer> counts() {
        synchronized (counts) {
            return new EnumMap<>(counts);
        }
    }
}
