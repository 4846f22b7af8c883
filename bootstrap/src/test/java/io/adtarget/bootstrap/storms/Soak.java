package io.adtarget.bootstrap.storms;

/** CI-sized by default; {@code -Psoak} (system property {@code adtarget.soak=true}) scales the storms up. */
final class Soak {
    private Soak() {
    }

    static boolean on() {
        return Boolean.parseBoolean(System.getProperty("adtarget.soak", "false"));
    }

    static int scale(int ci, int soak) {
        return on() ? soak : ci;
    }
}
