package io.adtarget.bootstrap.testing;

/** CI-sized by default; {@code -Psoak} (system property {@code adtarget.soak=true}) scales the scenarios up. */
public final class Soak {
    private Soak() {
    }

    public static boolean on() {
        return Boolean.parseBoolean(System.getProperty("adtarget.soak", "false"));
    }

    public static int scale(int ci, int soak) {
        return on() ? soak : ci;
    }
}
