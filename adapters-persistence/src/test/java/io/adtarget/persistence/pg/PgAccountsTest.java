package io.adtarget.persistence.pg;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.persistence.AccountsContractTest;
import io.adtarget.persistence.testing.PgTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PgAccountsTest extends AccountsContractTest {
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
    protected void open() {
        accounts = new PgAccountRepository(db.pool());
        keys = new PgApiKeyRepository(db.pool());
    }

    @Test
    void a_freshly_migrated_database_has_no_account() {
        try (PgTestDatabase empty = PgTestDatabase.create()) {
            assertThat(result(new PgAccountRepository(empty.pool()).any())).isFalse();
        }
    }
}
