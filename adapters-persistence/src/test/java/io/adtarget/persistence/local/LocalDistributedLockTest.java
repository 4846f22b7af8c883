package io.adtarget.persistence.local;

import io.adtarget.application.port.out.DistributedLock;
import io.adtarget.persistence.DistributedLockContractTest;
import io.vertx.core.Vertx;

class LocalDistributedLockTest extends DistributedLockContractTest {
    @Override
    protected DistributedLock newLock(Vertx vertx) {
        return new LocalDistributedLock(vertx);
    }

    @Override
    protected void loseLock(String name, DistributedLock.Handle handle) {
        ((LocalLockHandle) handle).stopRenewal();
    }
}
