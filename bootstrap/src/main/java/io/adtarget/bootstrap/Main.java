package io.adtarget.bootstrap;

import org.slf4j.LoggerFactory;

/** Entry point: configuration from the environment, start, and a graceful stop on SIGTERM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            System.err.println("adtarget: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Logging.configure(config.logFormat(), config.logLevel());
        AdTargetApp app;
        try {
            app = AdTargetApp.start(config);
        } catch (Exception e) {
            // Exception, not RuntimeException: Future.await() rethrows a failed bind's BindException
            // (checked) as it is, and without this catch the process hung with its threads alive.
            LoggerFactory.getLogger(Main.class).error("start-up failed: {}", e.toString(), e);
            Logging.flush();
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
}
