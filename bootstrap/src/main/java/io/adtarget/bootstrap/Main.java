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
        } catch (RuntimeException e) {
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
