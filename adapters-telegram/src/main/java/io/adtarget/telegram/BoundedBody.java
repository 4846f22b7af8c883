package io.adtarget.telegram;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * Reads a response body up to a cap (counted after decompression, so a small gzip bomb is caught too);
 * past it the request is reset and the read fails with {@link TooLarge}, without buffering the rest.
 */
final class BoundedBody {

    /** The body passed the cap. */
    static final class TooLarge extends RuntimeException {
        TooLarge(int cap) {
            super("Telegram's answer was larger than " + cap + " bytes", null, false, false);
        }
    }

    private BoundedBody() {
    }

    static Future<Buffer> read(HttpClientResponse response, HttpClientRequest request, int cap) {
        String declared = response.getHeader("Content-Length");
        if (declared != null && declared.length() < 19 && declared.chars().allMatch(Character::isDigit)
                && Long.parseLong(declared) > cap) {
            request.reset();
            return Future.failedFuture(new TooLarge(cap));
        }
        Promise<Buffer> done = Promise.promise();
        Buffer body = Buffer.buffer();
        response.exceptionHandler(done::tryFail);
        response.handler(chunk -> {
            if (done.future().isComplete()) {
                return;
            }
            if (body.length() + chunk.length() > cap) {
                done.tryFail(new TooLarge(cap));
                request.reset();
            } else {
                body.appendBuffer(chunk);
            }
        });
        response.endHandler(ended -> done.tryComplete(body));
        return done.future();
    }
}
