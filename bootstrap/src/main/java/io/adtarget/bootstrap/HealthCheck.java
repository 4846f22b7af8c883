package io.adtarget.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's health check command: exit 0 when {@code GET /health/live} on this host's
 * {@code HTTP_PORT} (default 8080) answers 200 within 2 s, else 1. Needs nothing but the JRE, so
 * it runs on any base image (no curl needed).
 */
public final class HealthCheck {
    private HealthCheck() {
    }

    public static void main(String[] args) throws InterruptedException {
        String port = System.getenv().getOrDefault("HTTP_PORT", "8080");
        String path = args.length > 0 ? args[0] : "/health/live";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            int status = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()
                    .send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            System.exit(status == 200 ? 0 : 1);
        } catch (IOException e) {
            System.err.println("healthcheck: " + e);
            System.exit(1);
        }
    }
}
