package io.adtarget.persistence;

import io.adtarget.application.fake.InMemoryAccountRepository;
import io.adtarget.application.fake.InMemoryApiKeyRepository;

/** The application's fakes must keep the contract the Postgres adapters keep. */
class InMemoryAccountsContractTest extends AccountsContractTest {
    @Override
    protected void open() {
        InMemoryAccountRepository inMemory = new InMemoryAccountRepository();
        accounts = inMemory;
        keys = new InMemoryApiKeyRepository(inMemory);
    }
}
