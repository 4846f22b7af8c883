package io.adtarget.application.port.in;

import io.vertx.core.Future;

/** Records a conversion: resolve site, upsert under the match-key lock, deliver (semantics §2–§3). */
public interface RecordConversionUseCase {
    Future<RecordConversionResult> record(RecordConversionCommand command);

    /**
     * {@link #record}, for a request that owns an idempotency record: where the conversion's last write
     * can carry the response, it does ({@link OwnedIdempotencyRecord#completedWith}). The default records only.
     */
    default Future<RecordConversionResult> record(RecordConversionCommand command, InlineResponse inline) {
        return record(command);
    }
}
