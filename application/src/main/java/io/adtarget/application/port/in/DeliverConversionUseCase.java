package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;

/**
 * One delivery of a conversion of {@code site}: skip rules, claim committed before Meta is called,
 * outcome stored. Returns the conversion as stored afterwards (or as found, when another party is
 * delivering it). A conversion already claimed by the caller (retry worker) is sent as it is.
 */
public interface DeliverConversionUseCase {
    Future<ConversionEvent> deliver(ConversionEvent conversion, Site site);
}
