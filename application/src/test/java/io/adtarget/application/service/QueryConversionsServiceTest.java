package io.adtarget.application.service;

import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.fake.InMemoryConversionRepository;
import io.adtarget.application.fake.MutableClock;
import io.adtarget.application.port.in.ConversionQuery;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import org.junit.jupiter.api.Test;

/** api.md, GET conversions: only the caller's account, another account's id looks unknown. */
class QueryConversionsServiceTest {
    final MutableClock clock = new MutableClock();
    final InMemoryConversionRepository repository = new InMemoryConversionRepository();
    final QueryConversionsService queries = new QueryConversionsService(repository);
    final ConversionEvent mine = repository.seed(Fixtures.pending(clock.instant()).withVersion(1));

    @Test
    void an_account_gets_its_own_conversion_by_id() {
        assertThat(value(queries.get(Fixtures.ACCOUNT, mine.id()))).contains(mine);
    }

    @Test
    void another_accounts_conversion_is_indistinguishable_from_an_unknown_id() {
        assertThat(value(queries.get(Fixtures.OTHER_ACCOUNT, mine.id()))).isEmpty();
    }

    @Test
    void a_listing_holds_only_the_callers_conversions_and_honours_the_status_filter() {
        assertThat(value(queries.list(new ConversionQuery(Fixtures.ACCOUNT, null, null, null, null, 50, null)))
                .items()).containsExactly(mine);
        assertThat(value(queries.list(new ConversionQuery(Fixtures.OTHER_ACCOUNT, null, null, null, null, 50, null)))
                .items()).isEmpty();
        assertThat(value(queries.list(new ConversionQuery(Fixtures.ACCOUNT, ConversionStatus.SENT, null, null, null,
                50, null))).items()).isEmpty();
    }
}
