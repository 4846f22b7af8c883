package io.adtarget.http.admin;

import io.adtarget.application.port.in.AccountPatch;
import io.adtarget.application.port.in.Patch;
import io.adtarget.domain.account.Account;
import io.adtarget.http.support.FieldReader;
import io.adtarget.http.support.Json;

/**
 * Reads account bodies: {@code name} (required on create, cannot be cleared) and
 * {@code rateLimitPerSecond}, an integer 1–1000000 or {@code null} for the service's default.
 */
final class AccountRequestParser {
    static final String RATE_LIMIT = "rateLimitPerSecond";

    private AccountRequestParser() {
    }

    record Create(String name, Integer rateLimitPerSecond) {
    }

    static Create create(byte[] body) {
        FieldReader in = new FieldReader(Json.parseObject(body));
        String name = in.convert("name", in.text("name", true), AdminRequests::validName);
        Integer rateLimit = rateLimit(in);
        in.throwIfInvalid();
        return new Create(name, rateLimit);
    }

    static AccountPatch patch(byte[] body) {
        FieldReader in = new FieldReader(Json.parseObject(body));
        Patch<String> name = SiteRequestParser.required(in, "name",
                f -> in.convert(f, in.text(f, false), AdminRequests::validName));
        Patch<Integer> rateLimit = SiteRequestParser.optional(in, RATE_LIMIT, f -> rateLimit(in));
        in.throwIfInvalid();
        return new AccountPatch(name, rateLimit);
    }

    private static Integer rateLimit(FieldReader in) {
        Long value = in.explicitNull(RATE_LIMIT) ? null : in.integer(RATE_LIMIT, false);
        if (value == null) {
            return null;
        }
        if (value < 1 || value > Account.MAX_RATE_LIMIT_PER_SECOND) {
            return in.fail(RATE_LIMIT, "must be an integer from 1 to " + Account.MAX_RATE_LIMIT_PER_SECOND);
        }
        return value.intValue();
    }
}
