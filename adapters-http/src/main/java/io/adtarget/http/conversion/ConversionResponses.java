package io.adtarget.http.conversion;

import io.adtarget.application.port.in.RecordConversionResult;
import io.adtarget.domain.idempotency.StoredResponse;
import io.adtarget.http.problem.Problem;
import io.adtarget.http.problem.ProblemType;
import io.adtarget.http.support.Json;
import io.adtarget.http.support.Responses;

/** Maps the outcome of recording a conversion to the exact response that is sent and stored. */
final class ConversionResponses {
    private ConversionResponses() {
    }

    static StoredResponse render(RecordConversionResult result, String requestId) {
        if (result instanceof RecordConversionResult.Created created) {
            return json(201, created.conversion(), false);
        }
        if (result instanceof RecordConversionResult.Updated updated) {
            return json(200, updated.conversion(), false);
        }
        if (result instanceof RecordConversionResult.Deduplicated deduplicated) {
            return json(200, deduplicated.conversion(), true);
        }
        Problem problem = Problem.of(ProblemType.CHANNEL_NOT_FOUND, "the account has no site holding this channelId");
        return new StoredResponse(problem.type().status(), Responses.PROBLEM_CONTENT_TYPE,
                Responses.problemBody(problem, requestId), null);
    }

    private static StoredResponse json(int status, io.adtarget.domain.conversion.ConversionEvent conversion,
            boolean deduplicated) {
        return new StoredResponse(status, Json.CONTENT_TYPE, Json.bytes(ConversionJson.render(conversion, deduplicated)),
                conversion.id());
    }
}
