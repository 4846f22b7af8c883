package io.adtarget.http.support;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Which methods the router serves on a path, for the {@code Allow} header of a 405. */
public final class AllowedMethods {
    private AllowedMethods() {
    }

    public static String forPath(Router router, String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() != null && route.methods() != null && templateMatches(route.getPath(), path)) {
                route.methods().stream().map(HttpMethod::name).forEach(methods::add);
            }
        }
        return String.join(", ", methods);
    }

    static boolean templateMatches(String template, String path) {
        String regex = Pattern.quote(template).replaceAll(":[A-Za-z]+", "\\\\E[^/]+\\\\Q");
        return path != null && path.matches(regex);
    }
}
