package io.adtarget.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

import java.util.Set;

/** What a scenario counts as success, and what it wants to look at in the answers. */
final class Expect {
  interface Listener {
    void onResponse(Engine.Req req, HttpResponse<Buffer> resp);
  }

  final Set<Integer> okStatuses;
  final boolean parseBody;
  final Listener listener;

  Expect(Set<Integer> okStatuses, boolean parseBody, Listener listener) {
    this.okStatuses = okStatuses;
    this.parseBody = parseBody;
    this.listener = listener;
  }

  static Expect of(Integer... statuses) {
    return new Expect(Set.of(statuses), false, null);
  }

  Expect parsingBodies() {
    return new Expect(okStatuses, true, listener);
  }

  Expect withListener(Listener l) {
    return new Expect(okStatuses, parseBody, l);
  }
}
