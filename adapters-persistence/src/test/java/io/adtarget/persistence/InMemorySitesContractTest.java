package io.adtarget.persistence;

import io.adtarget.application.fake.InMemorySites;
import io.adtarget.domain.shared.AccountId;

/** The application's fake must keep the contract the Postgres adapters keep. */
class InMemorySitesContractTest extends SiteRepositoryContractTest {
    @Override
    protected void open(AccountId account) {
        InMemorySites fake = new InMemorySites();
        sites = fake;
        directory = fake;
    }
}
