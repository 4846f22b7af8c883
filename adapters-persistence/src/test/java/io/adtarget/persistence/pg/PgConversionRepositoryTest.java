package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.ConversionRepository;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.persistence.ConversionRepositoryContractTest;
import io.adtarget.persistence.testing.PgTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgConversionRepositoryTest extends ConversionRepositoryContractTest {
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
    protected ConversionRepository newRepository(AccountId account, SiteId site) {
        db.givenSite(account.value(), site.value());
        return new PgConversionRepository(db.pool());
    }
}
