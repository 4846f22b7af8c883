package io.adtarget.persistence;

import io.adtarget.application.fake.InMemoryDeliveryAttempts;

/** The application's fake must keep the contract the Postgres adapter keeps. */
class InMemoryDeliveryAttemptsContractTest extends DeliveryAttemptsContractTest {
    @Override
    protected void open() {
        InMemoryDeliveryAttempts fake = new InMemoryDeliveryAttempts();
        log = fake;
        history = fake;
    }

    @Override
    protected void settle() {
    }
}
