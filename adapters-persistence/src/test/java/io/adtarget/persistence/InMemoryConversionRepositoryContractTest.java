package io.adtarget.persistence;

import io.adtarget.application.fake.InMemoryConversionRepository;
import io.adtarget.application.port.out.ConversionRepository;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;

/** The application's fake must keep the contract the Postgres adapter keeps. */
class InMemoryConversionRepositoryContractTest extends ConversionRepositoryContractTest {
    @Override
    protected ConversionRepository newRepository(AccountId account, SiteId site) {
        return new InMemoryConversionRepository();
    }
}
