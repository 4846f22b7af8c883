package io.adtarget.application.port.in;

import io.adtarget.application.port.out.ConversionPage;
import io.adtarget.application.port.out.ConversionQuery;
import io.vertx.core.Future;

/** The caller's conversions, newest first, a page at a time. */
public interface ListConversionsUseCase {
    Future<ConversionPage> list(ConversionQuery query);
}
