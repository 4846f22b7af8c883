package io.adtarget.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Request sources of the scenarios. All thread-safe. */
final class Sources {
  static final String CONVERSION = "/api/v1/events/conversion";

  private Sources() {
  }

  /** Provisioned tenant: API key and the channel of its site. */
  record Setup(String apiKey, String channelId) {
    static Setup read(Path p) throws IOException {
      JsonObject o = new JsonObject(Files.readString(p));
      return new Setup(o.getString("apiKey"), o.getString("channelId"));
    }
  }

  static MultiMap headers(Setup s, String idemKey) {
    MultiMap h = MultiMap.caseInsensitiveMultiMap()
        .add("Authorization", "Bearer " + s.apiKey())
        .add("Content-Type", "application/json");
    if (idemKey != null) {
      h.add("Idempotency-Key", idemKey);
    }
    return h;
  }

  static Buffer body(Setup s, long telegramUserId, String eventType) {
    JsonObject o = new JsonObject()
        .put("telegramUserId", telegramUserId)
        .put("channelId", s.channelId())
        .put("eventType", eventType);
    if ("Purchase".equals(eventType)) {
      o.put("value", 49.0).put("currency", "USD");
    }
    return o.toBuffer();
  }

  /** A run-unique base for telegram user ids and keys, so repeated runs never collide. */
  static long runBase() {
    return (System.currentTimeMillis() / 1000 % 100_000_000L) * 1_000_000L
        + ThreadLocalRandom.current().nextInt(1000) * 1000L;
  }

  static Engine.Source get(String uri) {
    Engine.Req r = new Engine.Req(HttpMethod.GET, uri, null, null);
    return () -> r;
  }

  /** (a)/(e) fresh Idempotency-Key and fresh telegramUserId per request; bounded when limit > 0. */
  static Engine.Source fresh(Setup s, String keyPrefix, long limit) {
    long base = runBase();
    AtomicLong seq = new AtomicLong();
    return () -> {
      long n = seq.getAndIncrement();
      if (limit > 0 && n >= limit) {
        return null;
      }
      long user = base + n;
      return new Engine.Req(HttpMethod.POST, CONVERSION,
          headers(s, keyPrefix + "-" + base + "-" + n), body(s, user, "Purchase"));
    };
  }

  /** (b) replays of stored keys, round-robin over the file written by prepare-keys. */
  static Engine.Source replay(Setup s, Path keysFile) throws IOException {
    List<String> lines = Files.readAllLines(keysFile).stream().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new IllegalStateException("no keys in " + keysFile);
    }
    Engine.Req[] reqs = new Engine.Req[lines.size()];
    for (int i = 0; i < reqs.length; i++) {
      String[] kv = lines.get(i).split("\t");
      reqs[i] = new Engine.Req(HttpMethod.POST, CONVERSION, headers(s, kv[0]),
          body(s, Long.parseLong(kv[1]), "Purchase"));
    }
    AtomicLong seq = new AtomicLong();
    return () -> reqs[(int) (seq.getAndIncrement() % reqs.length)];
  }

  /** (c) every request carries the same key and body. */
  static Engine.Source oneKey(Setup s) {
    long base = runBase();
    Engine.Req r = new Engine.Req(HttpMethod.POST, CONVERSION, headers(s, "bench-storm-" + base),
        body(s, base, "Purchase"));
    return () -> r;
  }

  /** (d) upsert dedup: fresh keys, one match key (same user, channel, event type, no eventId). */
  static Engine.Source oneMatchKey(Setup s) {
    long base = runBase();
    AtomicLong seq = new AtomicLong();
    Buffer body = body(s, base, "Lead");
    return () -> new Engine.Req(HttpMethod.POST, CONVERSION,
        headers(s, "bench-dedup-" + base + "-" + seq.getAndIncrement()), body);
  }
}
