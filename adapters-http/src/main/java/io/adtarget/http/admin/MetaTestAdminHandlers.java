package io.adtarget.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adtarget.application.port.in.MetaConnectionTestResult;
import io.adtarget.application.port.in.TestMetaConnectionUseCase;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.TestEventCode;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.adtarget.http.support.FieldReader;
import io.adtarget.http.support.Json;
import io.adtarget.http.support.Responses;
import io.vertx.ext.web.RoutingContext;

/**
 * Admin API: {@code POST /admin/v1/sites/{siteId}/meta-test} sends one test event with the given
 * {@code testEventCode} through the delivery gateway and answers what Meta said (200 whether Meta took it or not).
 */
public final class MetaTestAdminHandlers {
    /** Meta's error messages are short; a longer one is cut here so a hostile answer cannot fill the page. */
    static final int MAX_MESSAGE_CHARS = 500;
    private final TestMetaConnectionUseCase metaTest;

    public MetaTestAdminHandlers(TestMetaConnectionUseCase metaTest) {
        this.metaTest = metaTest;
    }

    public void test(RoutingContext ctx) {
        SiteId siteId = AdminRequests.id(ctx, "siteId", SiteId::parse);
        FieldReader in = new FieldReader(Json.parseObject(AdminRequests.body(ctx)));
        TestEventCode code = in.convert("testEventCode", in.text("testEventCode", true), TestEventCode::new);
        in.throwIfInvalid();
        metaTest.testMetaConnection(siteId, code).onSuccess(result -> {
            if (result instanceof MetaConnectionTestResult.Answered answered) {
                Responses.json(ctx, 200, body(siteId, code, answered));
            } else if (result instanceof MetaConnectionTestResult.MetaNotConfigured) {
                ctx.fail(Problem.of(ProblemType.CONFLICT, "the site has no Meta pixel id or access token to test;"
                        + " set both (PATCH /admin/v1/sites/{siteId}) first").toException());
            } else {
                AdminRequests.notFound(ctx, "site");
            }
        }).onFailure(ctx::fail);
    }

    private static ObjectNode body(SiteId siteId, TestEventCode code, MetaConnectionTestResult.Answered answered) {
        ObjectNode body = Json.object()
                .put("siteId", siteId.toString())
                .put("gateway", answered.dryRun() ? "dry-run" : "live")
                .put("accepted", answered.accepted())
                .put("testEventCode", code.value())
                .put("eventName", answered.eventName())
                .put("eventId", answered.eventId())
                .put("httpStatus", answered.httpStatus())
                .put("eventsReceived", answered.eventsReceived())
                .put("fbtraceId", answered.fbtraceId());
        DeliveryError error = answered.error();
        if (error != null) {
            body.putObject("error")
                    .put("code", error.code().slug())
                    .put("metaCode", error.metaCode())
                    .put("metaSubcode", answered.metaSubcode())
                    .put("message", bounded(error.message()));
        }
        if (answered.dryRun()) {
            body.put("note", "META_MODE=dry-run: nothing was sent to Meta; this answer is synthetic."
                    + " Set META_MODE=live to test the real connection.");
        }
        return body;
    }

    /** Control characters out, at most {@link #MAX_MESSAGE_CHARS}; JSON encoding escapes the rest. */
    static String bounded(String message) {
        String clean = message.replaceAll("[\\p{Cntrl}\\p{Cf}]", " ");
        return clean.length() <= MAX_MESSAGE_CHARS ? clean : clean.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
    }
}
