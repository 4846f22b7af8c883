package io.adtarget.persistence.testing;

/**
 * A test JVM that creates a database and exits without dropping it, as a test that fails half-way or
 * forgets its clean-up does; prints the database's URL. Run by {@code TestDatabaseCleanupTest}.
 */
public final class LeakyTestRun {
    private LeakyTestRun() {
    }

    public static void main(String[] args) {
        System.out.println("created " + TestPostgres.freshDatabase(args.length > 0 && "migrate".equals(args[0])));
    }
}
