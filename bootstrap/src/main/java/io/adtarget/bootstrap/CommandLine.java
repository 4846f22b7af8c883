package io.adtarget.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The few command-line arguments there are: everything else is configured by environment variables. */
final class CommandLine {
    static final String USAGE = """
            Usage: java -jar adtarget.jar [--help | --version]
            Runs the AdTarget Conversions service; it is configured by environment variables only:
              HTTP_HOST, HTTP_PORT          listen address (default 0.0.0.0:8080; port 0 picks a free one)
              DATABASE_URL                  postgresql://user:pass@host:port/db (unset: embedded PostgreSQL)
              DATA_DIR                      files of the embedded PostgreSQL (default ./data)
              DATABASE_POOL_SIZE            Postgres connections per instance (default 16)
              REDIS_URL                     redis://… (unset: in-process lock, one instance only)
              META_MODE                     live | dry-run
              META_GRAPH_URL, META_API_VERSION, META_TIMEOUT
              ADMIN_TOKEN                   admin bearer token, at least 32 characters, not an API key
              DEV_SEED                      demo account, key, site and channel on an empty database
              IDEMPOTENCY_REPLAY_WINDOW, IDEMPOTENCY_RETENTION, IDEMPOTENCY_LEASE,
              IDEMPOTENCY_INFLIGHT_WAIT, IDEMPOTENCY_FINGERPRINT, PURGE_INTERVAL, DEDUP_WINDOW,
              DELIVERY_LEASE, RETRY_POLL_INTERVAL, RETRY_BASE_DELAY, RETRY_MAX_ATTEMPTS
              DELIVERY_ATTEMPT_RETENTION    how long delivery attempts are kept (default P30D, at least PT24H)
              LOG_FORMAT                    text | json;  LOG_LEVEL: info, debug, …
              OTEL_EXPORTER_OTLP_ENDPOINT   OTLP http/protobuf collector, e.g. http://collector:4318 (unset: no
                                            spans); OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_HEADERS, OTEL_TRACES_SAMPLER_ARG
            Durations are ISO-8601 (PT30S). The README's Configuration table gives every default.
            Exit codes: 0 stopped, 1 start-up failed, 2 configuration error, 143 after SIGTERM.""";

    /** What the arguments ask for. */
    enum Action { RUN, HELP, VERSION }

    private CommandLine() {
    }

    /** The action of {@code args}; an unknown argument is an {@link IllegalArgumentException} naming it. */
    static Action parse(String[] args) {
        if (args.length == 0) {
            return Action.RUN;
        }
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            return Action.HELP;
        }
        if (args.length == 1 && "--version".equals(args[0])) {
            return Action.VERSION;
        }
        String first = args.length == 1 ? args[0] : String.join(" ", args);
        throw new IllegalArgumentException("unknown argument " + LogEscaping.escape(first, 80) + " (try --help)");
    }

    /** {@code adtarget <version>}, the version the build wrote into the jar. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = CommandLine.class.getResourceAsStream("/adtarget-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // a jar without the file still answers
        }
        return "adtarget " + properties.getProperty("version", "unknown");
    }
}
