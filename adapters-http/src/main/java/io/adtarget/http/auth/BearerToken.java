package io.adtarget.http.auth;

import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Locale;

/** Extracts the credentials of {@code Authorization: Bearer <token>}; anything else yields null. */
public final class BearerToken {
    private static final String SCHEME = "bearer ";

    private BearerToken() {
    }

    public static String from(HttpServerRequest request) {
        List<String> values = request.headers().getAll("Authorization");
        if (values.size() != 1) {
            return null;
        }
        String value = values.get(0);
        if (value.length() <= SCHEME.length()
                || !value.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return null;
        }
        String token = value.substring(SCHEME.length()).strip();
        return token.isEmpty() ? null : token;
    }

    public static Problem unauthorized(String detail) {
        return Problem.of(ProblemType.UNAUTHORIZED, detail).withHeader("WWW-Authenticate", "Bearer");
    }
}
