package io.adtarget.http.support;

/** Names of the values handlers leave in the routing context for the ones after them. */
public final class Keys {
    public static final String REQUEST_ID = "adtarget.requestId";
    public static final String ROUTE = "adtarget.route";
    public static final String PRINCIPAL = "adtarget.principal";
    public static final String IDEMPOTENCY_KEY = "adtarget.idempotencyKey";

    private Keys() {
    }
}
