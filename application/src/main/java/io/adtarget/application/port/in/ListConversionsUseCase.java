package io.adtarget.application.port.in;

import io.vertx.core.Future;

/** The caller's conversions, newest first, a page at a time. */
public interface ListConversionsUseCase {
    Future<ConversionPage> list(ConversionQuery query);
}
