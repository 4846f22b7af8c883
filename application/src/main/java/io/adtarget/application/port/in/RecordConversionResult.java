package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.ConversionEvent;

/** The outcome of recording a conversion; each maps to one HTTP answer. */
public sealed interface RecordConversionResult {

    /** A new conversion was stored (and a delivery attempted): 201. */
    record Created(ConversionEvent conversion) implements RecordConversionResult {
    }

    /** A recent unsent conversion was revised and its delivery retried: 200, deduplicated false. */
    record Updated(ConversionEvent conversion) implements RecordConversionResult {
    }

    /** A recent sent conversion matched; nothing changed, Meta not called: 200, deduplicated true. */
    record Deduplicated(ConversionEvent conversion) implements RecordConversionResult {
    }

    /** The account has no site holding the channel: 404 channel-not-found. */
    record ChannelNotFound() implements RecordConversionResult {
    }
}
