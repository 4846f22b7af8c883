package io.adtarget.bootstrap;

import java.net.BindException;
import org.slf4j.LoggerFactory;

/** Entry point: configuration from the environment, start, and a graceful stop on SIGTERM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine.Action action;
        try {
            action = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("adtarget: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (action == CommandLine.Action.HELP) {
            System.out.println(CommandLine.USAGE);
            return;
        }
        if (action == CommandLine.Action.VERSION) {
            System.out.println(CommandLine.version());
            return;
        }
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            System.err.println("adtarget: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Logging.configure(config.logFormat(), config.logLevel());
        if (args.length > 0 && ReencryptSecretsCommand.NAME.equals(args[0])) {
            try {
                System.out.println(ReencryptSecretsCommand.summary(ReencryptSecretsCommand.run(config), config));
                Logging.flush();
                System.exit(0);
            } catch (RuntimeException e) {
                System.err.println("adtarget: " + ReencryptSecretsCommand.NAME + " failed: " + e.getMessage());
                Logging.flush();
                System.exit(1);
            }
            return;
        }
        AdTargetApp app;
        try {
            app = AdTargetApp.start(config);
        } catch (Exception e) {
            // Future.await() rethrows checked failures (BindException) undeclared: catch them all here, or
            // the main thread dies while Vert.x's threads keep the JVM, and the embedded Postgres, alive.
            // AdTargetApp.start has already stopped whatever it started.
            LoggerFactory.getLogger(Main.class).debug("start-up failed", e);
            Logging.flush();
            System.err.println("adtarget: start-up failed: " + reason(e, config));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LoggerFactory.getLogger(Main.class).info("stopping: draining requests, stopping workers");
            app.stop();
            LoggerFactory.getLogger(Main.class).info("stopped");
            Logging.flush();
        }, "adtarget-shutdown"));
    }

    /** One line saying why start-up failed, in the operator's terms where the cause is a known one. */
    static String reason(Throwable failure, Config config) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BindException) {
                String where = "HTTP_PORT " + config.httpPort() + " on " + config.httpHost();
                String message = String.valueOf(cause.getMessage());
                return message.contains("in use") ? where + " is already in use"
                        : where + " cannot be bound: " + LogEscaping.escape(message, 200);
            }
        }
        return LogEscaping.escape(failure.toString(), 400);
    }
}
