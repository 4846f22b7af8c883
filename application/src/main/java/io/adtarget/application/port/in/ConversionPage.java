package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.ConversionEvent;
import java.util.List;

/** One page of conversions; {@code next} is null on the last page. */
public record ConversionPage(List<ConversionEvent> items, ConversionCursor next) {
    public ConversionPage {
        items = List.copyOf(items);
    }
}
