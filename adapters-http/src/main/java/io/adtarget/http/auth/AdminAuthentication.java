package io.adtarget.http.auth;

import io.adtarget.domain.account.ApiKeySecret;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Admin API authentication: the configured admin token, compared in constant time on SHA-256
 * digests (so neither content nor length leaks through timing). No token configured: always 401.
 */
public final class AdminAuthentication implements Handler<RoutingContext> {
    static final String DETAIL = "a valid admin token is required (Authorization: Bearer <admin token>)";

    private final byte[] expectedDigest;

    public AdminAuthentication(String adminToken) {
        this.expectedDigest = adminToken == null || adminToken.isEmpty() ? null : digest(adminToken);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String presented = BearerToken.from(ctx.request());
        if (expectedDigest == null || presented == null || ApiKeySecret.looksLikeKey(presented)
                || !MessageDigest.isEqual(expectedDigest, digest(presented))) {
            ctx.fail(BearerToken.unauthorized(DETAIL).toException());
            return;
        }
        ctx.next();
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
