package io.adtarget.application.port;

/**
 * Infrastructure we depend on (Postgres, Redis) cannot answer right now. Mapped to
 * {@code 503 service-unavailable}; the message names the dependency only, never a URL or secret.
 */
public final class ServiceUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(String dependency, Throwable cause) {
        super(dependency + " unavailable", cause);
    }

    public ServiceUnavailableException(String dependency) {
        super(dependency + " unavailable");
    }
}
