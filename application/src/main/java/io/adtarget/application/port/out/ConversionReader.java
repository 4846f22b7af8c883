package io.adtarget.application.port.out;

import io.adtarget.application.port.in.ConversionPage;
import io.adtarget.application.port.in.ConversionQuery;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The read side of the conversion store, always scoped to the caller's account. Used by
 * {@code QueryConversionsService}.
 */
public interface ConversionReader {

    /** The conversion if it exists and belongs to {@code accountId}; empty otherwise. */
    Future<Optional<ConversionEvent>> findForAccount(AccountId accountId, ConversionId id);

    /** Account-scoped listing, newest first (createdAt desc, id desc), after the cursor when given. */
    Future<ConversionPage> list(ConversionQuery query);
}
