package io.adtarget.meta;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the live gateway finds the Graph API and how long one call may take.
 *
 * @param graphUrl       base URL, e.g. {@code https://graph.facebook.com} (tests point it at a local fake)
 * @param apiVersion     Graph API version in the path, e.g. {@code v24.0}
 * @param timeout        overall deadline of one call (META_TIMEOUT), connecting included
 * @param maxConnections size of the HTTP/1.1 connection pool
 */
public record MetaGatewaySettings(String graphUrl, String apiVersion, Duration timeout, int maxConnections) {
    public static final String DEFAULT_GRAPH_URL = "https://graph.facebook.com";
    public static final String DEFAULT_API_VERSION = "v24.0";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(1500);
    public static final int DEFAULT_MAX_CONNECTIONS = 32;

    public MetaGatewaySettings {
        Objects.requireNonNull(graphUrl, "graphUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(timeout, "timeout");
        graphUrl = graphUrl.endsWith("/") ? graphUrl.substring(0, graphUrl.length() - 1) : graphUrl;
        URI uri = URI.create(graphUrl);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("META_GRAPH_URL must be an http(s) URL without a query");
        }
        if (!isApiVersion(apiVersion)) {
            throw new IllegalArgumentException("META_API_VERSION must look like v24.0");
        }
        if (timeout.isNegative() || timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("META_TIMEOUT must be a positive duration");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1");
        }
    }

    /** Whether {@code text} is a Graph API version as the path takes it: {@code v24.0}, at most 3 digits a part. */
    public static boolean isApiVersion(String text) {
        return text != null && text.matches("v[0-9]{1,3}\\.[0-9]{1,3}");
    }

    /** Meta's production Graph API, v24.0, 1.5 s deadline, 32 connections. */
    public static MetaGatewaySettings defaults() {
        return new MetaGatewaySettings(DEFAULT_GRAPH_URL, DEFAULT_API_VERSION, DEFAULT_TIMEOUT,
                DEFAULT_MAX_CONNECTIONS);
    }

    public MetaGatewaySettings withGraphUrl(String url) {
        return new MetaGatewaySettings(url, apiVersion, timeout, maxConnections);
    }

    public MetaGatewaySettings withTimeout(Duration deadline) {
        return new MetaGatewaySettings(graphUrl, apiVersion, deadline, maxConnections);
    }
}
