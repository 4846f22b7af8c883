package io.adtarget.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.adtarget.application.port.in.CreateSiteCommand;
import io.adtarget.application.port.in.Patch;
import io.adtarget.application.port.in.SitePatch;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.site.AccessToken;
import io.adtarget.domain.site.MetaPixelId;
import io.adtarget.domain.site.TestEventCode;
import io.adtarget.http.support.FieldReader;
import io.adtarget.http.support.Json;
import java.util.function.Function;

/**
 * Reads site bodies. Create: {@code name} required, Meta fields optional, {@code enabled} default
 * true. Patch: an absent field is kept, {@code null} clears an optional one. A pixel id may come as
 * a JSON integer. Error messages never echo the access token.
 */
final class SiteRequestParser {
    private SiteRequestParser() {
    }

    static CreateSiteCommand create(byte[] body, AccountId accountId) {
        FieldReader in = new FieldReader(Json.parseObject(body));
        String name = in.convert("name", in.text("name", true), AdminRequests::validName);
        MetaPixelId pixel = in.convert("metaPixelId", pixelText(in), MetaPixelId::new);
        AccessToken token = in.convert("metaAccessToken", in.text("metaAccessToken", false), AccessToken::new);
        TestEventCode code = in.convert("testEventCode", in.text("testEventCode", false), TestEventCode::new);
        Boolean enabled = in.bool("enabled", false);
        in.throwIfInvalid();
        return new CreateSiteCommand(accountId, name, pixel, token, code, enabled == null || enabled);
    }

    static SitePatch patch(byte[] body) {
        FieldReader in = new FieldReader(Json.parseObject(body));
        Patch<String> name = required(in, "name", f -> in.convert(f, in.text(f, false), AdminRequests::validName));
        Patch<MetaPixelId> pixel = optional(in, "metaPixelId", f -> in.convert(f, pixelText(in), MetaPixelId::new));
        Patch<AccessToken> token = optional(in, "metaAccessToken",
                f -> in.convert(f, in.text(f, false), AccessToken::new));
        Patch<TestEventCode> code = optional(in, "testEventCode",
                f -> in.convert(f, in.text(f, false), TestEventCode::new));
        Patch<Boolean> enabled = required(in, "enabled", f -> in.bool(f, false));
        in.throwIfInvalid();
        return new SitePatch(name, pixel, token, code, enabled);
    }

    private static String pixelText(FieldReader in) {
        JsonNode raw = in.raw("metaPixelId");
        if (raw != null && raw.isIntegralNumber()) {
            return raw.bigIntegerValue().toString();
        }
        return in.text("metaPixelId", false);
    }

    static <T> Patch<T> optional(FieldReader in, String field, Function<String, T> read) {
        if (!in.present(field)) {
            return Patch.keep();
        }
        if (in.explicitNull(field)) {
            return Patch.clear();
        }
        T value = read.apply(field);
        return value == null ? Patch.keep() : Patch.set(value);
    }

    static <T> Patch<T> required(FieldReader in, String field, Function<String, T> read) {
        if (in.explicitNull(field)) {
            in.fail(field, "cannot be cleared");
            return Patch.keep();
        }
        return optional(in, field, read);
    }
}
