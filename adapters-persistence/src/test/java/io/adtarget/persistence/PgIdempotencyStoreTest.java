package io.adtarget.persistence;

import io.adtarget.application.port.out.IdempotencyStore;
import io.adtarget.persistence.testing.PgTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgIdempotencyStoreTest extends IdempotencyStoreContractTest {
    private static PgTestDatabase db;

    @BeforeAll
    static void start() {
        db = PgTestDatabase.create();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Override
    protected IdempotencyStore newStore() {
        return new PgIdempotencyStore(db.pool());
    }
}
