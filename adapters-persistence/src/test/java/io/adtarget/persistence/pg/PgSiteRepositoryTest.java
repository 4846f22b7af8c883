package io.adtarget.persistence.pg;

import io.adtarget.domain.shared.AccountId;
import io.adtarget.persistence.SiteRepositoryContractTest;
import io.adtarget.persistence.testing.PgTestDatabase;
import io.adtarget.persistence.testing.TestSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgSiteRepositoryTest extends SiteRepositoryContractTest {
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
    protected void open(AccountId account) {
        db.givenSite(account.value(), java.util.UUID.randomUUID());
        sites = new PgSiteRepository(db.pool(), TestSecrets.BOX);
        directory = new PgSiteDirectory(db.pool(), TestSecrets.BOX);
    }
}
