package io.adtarget.http.admin;

import io.adtarget.domain.site.Site;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** Small helpers the admin handlers share: the body, path ids (malformed means 404), names. */
final class AdminRequests {
    private AdminRequests() {
    }

    static byte[] body(RoutingContext ctx) {
        return ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    }

    /** A path id; one that cannot exist (not a UUID) answers 404 like an unknown one. */
    static <T> T id(RoutingContext ctx, String param, Function<String, T> parse) {
        try {
            return parse.apply(ctx.pathParam(param));
        } catch (IllegalArgumentException e) {
            throw notFoundProblem(param.replace("Id", "")).toException();
        }
    }

    static void notFound(RoutingContext ctx, String what) {
        ctx.fail(notFoundProblem(what).toException());
    }

    static Problem notFoundProblem(String what) {
        return Problem.of(ProblemType.NOT_FOUND, "no " + what + " with this id");
    }

    static String validName(String name) {
        Site.requireValidName(name);
        return name;
    }
}
