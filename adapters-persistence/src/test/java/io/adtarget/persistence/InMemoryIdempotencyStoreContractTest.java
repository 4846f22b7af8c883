package io.adtarget.persistence;

import io.adtarget.application.fake.InMemoryIdempotencyStore;
import io.adtarget.application.port.out.IdempotencyStore;

/** The application's fake must keep the contract the Postgres adapter keeps. */
class InMemoryIdempotencyStoreContractTest extends IdempotencyStoreContractTest {
    @Override
    protected IdempotencyStore newStore() {
        return new InMemoryIdempotencyStore();
    }
}
