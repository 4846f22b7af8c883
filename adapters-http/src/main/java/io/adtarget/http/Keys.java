package io.adtarget.http;

/** Names of the values handlers leave in the routing context for the ones after them. */
final class Keys {
    static final String REQUEST_ID = "adtarget.requestId";
    static final String ROUTE = "adtarget.route";
    static final String PRINCIPAL = "adtarget.principal";
    static final String IDEMPOTENCY_KEY = "adtarget.idempotencyKey";

    private Keys() {
    }
}
