package io.adtarget.persistence;

import io.adtarget.application.fake.InMemoryDistributedLock;
import io.adtarget.application.port.out.DistributedLock;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/** The application's fake must keep the contract the real locks keep. */
class InMemoryDistributedLockContractTest extends DistributedLockContractTest {
    private InMemoryDistributedLock fake;

    @Override
    protected DistributedLock newLock(Vertx vertx) {
        fake = new InMemoryDistributedLock(duration -> {
            Promise<Void> elapsed = Promise.promise();
            vertx.setTimer(Math.max(1, duration.toMillis()), id -> elapsed.complete());
            return elapsed.future();
        });
        return fake;
    }

    @Override
    protected void loseLock(String name, DistributedLock.Handle handle) {
        fake.expire(name);
    }
}
