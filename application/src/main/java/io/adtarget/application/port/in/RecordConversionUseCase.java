package io.adtarget.application.port.in;

import io.vertx.core.Future;

/** Records a conversion: resolve site, upsert under the match-key lock, deliver (semantics §2–§3). */
public interface RecordConversionUseCase {
    Future<RecordConversionResult> record(RecordConversionCommand command);
}
