package io.adtarget.application.port.in;

import io.adtarget.domain.attribution.PublishableKey;
import io.adtarget.domain.attribution.Visit;
import io.adtarget.domain.userdata.FacebookBrowserId;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.UUID;

/** {@code POST /api/v1/visits} and {@code PATCH /api/v1/visits/{id}}, with a publishable key. */
public interface CaptureVisitUseCase {
    Future<CaptureVisitResult> capture(CaptureVisitCommand command);

    /** Sets the visit's fbp; empty when the key's site has no such visit. */
    Future<Optional<Visit>> updateFbp(PublishableKey key, UUID visitId, FacebookBrowserId fbp);
}
